package org.cotejo.indicators.index;

import java.util.Arrays;

/**
 * Indicator ids grouped by key entry, flattened into two int arrays so a look-up walks memory
 * without allocating: the ids of entry {@code e} are {@code ids[start[e] .. start[e+1])}, ascending.
 */
final class Postings {
    private final int[] start;
    private final int[] ids;

    private Postings(int[] start, int[] ids) {
        this.start = start;
        this.ids = ids;
    }

    int from(int entry) { return start[entry]; }

    int to(int entry) { return start[entry + 1]; }

    int id(int position) { return ids[position]; }

    /** Collects (entry, id) pairs in any order; ids end up sorted within each entry. */
    static final class Builder {
        private int[] entryOf = new int[16];
        private int[] idOf = new int[16];
        private int size;

        void add(int entry, int id) {
            if (size == entryOf.length) {
                entryOf = Arrays.copyOf(entryOf, size * 2);
                idOf = Arrays.copyOf(idOf, size * 2);
            }
            entryOf[size] = entry;
            idOf[size] = id;
            size++;
        }

        Postings build(int entries) {
            int[] start = new int[entries + 1];
            for (int i = 0; i < size; i++) start[entryOf[i] + 1]++;
            for (int e = 0; e < entries; e++) start[e + 1] += start[e];
            int[] fill = Arrays.copyOf(start, entries);
            int[] ids = new int[size];
            for (int i = 0; i < size; i++) ids[fill[entryOf[i]]++] = idOf[i];
            // ids arrive in insertion order (ascending indicator ids) unless a caller adds out of order.
            for (int e = 0; e < entries; e++) {
                if (start[e + 1] - start[e] > 1) Arrays.sort(ids, start[e], start[e + 1]);
            }
            return new Postings(start, ids);
        }
    }
}
