package org.cotejo.forensics.network.traffic;

import java.util.function.Function;

/**
 * A small memo of a pure function of text: the result for each of the last raw values seen, in a
 * direct-mapped table of {@code size} slots (a new value evicts the one in its slot). Network logs repeat
 * a few hundred thousand names and addresses over millions of lines, so normalising each distinct raw
 * value once instead of on every line saves most of the work, and every caller gets the same result
 * object (a string's hash is then computed once, and maps compare it by identity first).
 *
 * <p>Safe to share between threads without locks: a slot holds an immutable entry, so a reader sees either
 * a whole entry or another one (and recomputes). The function must be pure: same text, equal result;
 * null is a result like any other.
 */
public final class RecentValues<V> {
    private record Entry<V>(String raw, V value) {}

    private final Function<String, V> function;
    private final Entry<V>[] slots;
    private final int mask;

    /** @param size slots, rounded up to a power of two */
    @SuppressWarnings("unchecked")
    public RecentValues(int size, Function<String, V> function) {
        this.function = function;
        int n = Integer.highestOneBit(Math.max(2, size - 1)) << 1;
        this.slots = (Entry<V>[]) new Entry<?>[n];
        this.mask = n - 1;
    }

    /** {@code function(raw)}, from the table when {@code raw} was seen recently. */
    public V get(String raw) {
        int h = raw.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        Entry<V> e = slots[slot];
        if (e != null && e.raw.equals(raw)) return e.value;
        V v = function.apply(raw);
        slots[slot] = new Entry<>(raw, v);
        return v;
    }
}
