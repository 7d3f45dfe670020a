package org.cotejo.correlation.lr;

import java.util.Arrays;

/**
 * A set of device pairs, each packed in one long (smaller index in the high half): open addressing over a
 * primitive array, because a world of 100,000 devices yields millions of candidate pairs and boxed longs
 * would cost ten times the memory.
 */
final class PairSet {
    private static final long EMPTY = -1L;
    private long[] slots = new long[1 << 10];
    private int size;

    static long pack(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    static int first(long pair) { return (int) (pair >>> 32); }

    static int second(long pair) { return (int) pair; }

    PairSet() {
        Arrays.fill(slots, EMPTY);
    }

    /** Adds the pair; false when it was there already. */
    boolean add(long pair) {
        if (size * 2 >= slots.length) grow();
        if (!insert(slots, pair)) return false;
        size++;
        return true;
    }

    boolean contains(long pair) {
        int mask = slots.length - 1;
        for (int i = (int) mix(pair) & mask; slots[i] != EMPTY; i = (i + 1) & mask) if (slots[i] == pair) return true;
        return false;
    }

    private static boolean insert(long[] table, long pair) {
        int mask = table.length - 1;
        int i = (int) mix(pair) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == pair) return false;
            i = (i + 1) & mask;
        }
        table[i] = pair;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        Arrays.fill(bigger, EMPTY);
        for (long p : slots) if (p != EMPTY) insert(bigger, p);
        slots = bigger;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    int size() { return size; }

    /** The pairs, ascending: the order they are weighed and reported in does not depend on hashing. */
    long[] sorted() {
        long[] out = new long[size];
        int n = 0;
        for (long p : slots) if (p != EMPTY) out[n++] = p;
        Arrays.sort(out);
        return out;
    }
}
