package org.cotejo.indicators.index;


/**
 * An open-addressing hash table from strings to indicator ids, looked up by a range of any
 * {@link CharSequence} so that the hot path allocates nothing.
 *
 * <p>The hash is a polynomial taken right to left ({@code H(t) = Σ t[len-1-m]·B^m}). That choice
 * lets the domain matcher get the hash of every suffix of a host in one leftward pass: the hash of
 * {@code evil.com} is ready when the scan of {@code a.b.evil.com} reaches the dot before it.
 */
final class StringTable {
    static final int B = 0x01000193;

    private final boolean foldCase;
    private final int mask;
    private final int[] slotEntry; // entry + 1; 0 marks an empty slot
    private final int[] slotHash;
    private final String[] keys;
    private final Postings postings;

    private StringTable(boolean foldCase, int[] slotEntry, int[] slotHash, String[] keys, Postings postings) {
        this.foldCase = foldCase;
        this.mask = slotEntry.length - 1;
        this.slotEntry = slotEntry;
        this.slotHash = slotHash;
        this.keys = keys;
        this.postings = postings;
    }

    boolean isEmpty() { return keys.length == 0; }

    int size() { return keys.length; }

    Postings postings() { return postings; }

    String key(int entry) { return keys[entry]; }

    static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Un-mixed right-to-left polynomial hash of {@code s[from, to)}. */
    static int rawHash(CharSequence s, int from, int to, boolean foldCase) {
        int h = 0;
        int pow = 1;
        for (int i = to - 1; i >= from; i--) {
            char c = s.charAt(i);
            h += (foldCase ? fold(c) : c) * pow;
            pow *= B;
        }
        return h;
    }

    /** murmur3's finaliser: spreads the polynomial hash over the table's low bits. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Entry of {@code s[from, to)}, or -1. */
    int find(CharSequence s, int from, int to) {
        if (keys.length == 0) return -1;
        return findByRawHash(rawHash(s, from, to, foldCase), s, from, to);
    }

    /** Entry of {@code s[from, to)} given its {@link #rawHash}, or -1. */
    int findByRawHash(int rawHash, CharSequence s, int from, int to) {
        int h = mix(rawHash);
        int len = to - from;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int e = slotEntry[slot];
            if (e == 0) return -1;
            if (slotHash[slot] == h && equalsRange(keys[e - 1], s, from, len)) return e - 1;
        }
    }

    private boolean equalsRange(String key, CharSequence s, int from, int len) {
        if (key.length() != len) return false;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(from + i);
            if ((foldCase ? fold(c) : c) != key.charAt(i)) return false;
        }
        return true;
    }

    /** Inserts straight into the open-addressing arrays (no HashMap, no boxing), doubling as it fills. */
    static final class Builder {
        private final boolean foldCase;
        private int[] slotEntry = new int[16];
        private int[] slotHash = new int[16];
        private String[] keys = new String[8];
        private int size;
        private final Postings.Builder postings = new Postings.Builder();

        /** @param foldCase whether look-ups ignore ASCII case (keys must then be stored lower-case) */
        Builder(boolean foldCase) {
            this.foldCase = foldCase;
        }

        void add(String key, int id) {
            int h = mix(rawHash(key, 0, key.length(), foldCase));
            int mask = slotEntry.length - 1;
            int slot = h & mask;
            for (int e; (e = slotEntry[slot]) != 0; slot = (slot + 1) & mask) {
                if (slotHash[slot] == h && keys[e - 1].equals(key)) {
                    postings.add(e - 1, id);
                    return;
                }
            }
            if (size == keys.length) keys = java.util.Arrays.copyOf(keys, size * 2);
            keys[size] = key;
            slotEntry[slot] = ++size;
            slotHash[slot] = h;
            postings.add(size - 1, id);
            if (size * 2 > slotEntry.length) grow();
        }

        private void grow() {
            int[] oldEntry = slotEntry;
            int[] oldHash = slotHash;
            slotEntry = new int[oldEntry.length * 2];
            slotHash = new int[oldEntry.length * 2];
            int mask = slotEntry.length - 1;
            for (int i = 0; i < oldEntry.length; i++) {
                if (oldEntry[i] == 0) continue;
                int slot = oldHash[i] & mask;
                while (slotEntry[slot] != 0) slot = (slot + 1) & mask;
                slotEntry[slot] = oldEntry[i];
                slotHash[slot] = oldHash[i];
            }
        }

        StringTable build() {
            return new StringTable(foldCase, slotEntry, slotHash, java.util.Arrays.copyOf(keys, size), postings.build(size));
        }
    }
}
