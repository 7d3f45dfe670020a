package org.cotejo.forensics.network.traffic;

import java.util.Arrays;

/**
 * Names to values, for the stages that keep something per DNS name over logs of millions of lines: an insert-only
 * open-addressing table whose probe reads one slot (hash, where the name's characters start, their length) from one
 * array and the characters from one block of bytes, where a hash map reads a node, a string and its bytes, three
 * cache misses on each of millions of lines. A name is looked up either as a string or straight from the bytes of
 * the line it was read from (Latin-1, one byte per character), so a reader can find what it knows of a name before
 * making the name's string. Names that are not all Latin-1 (none that a DNS name can be) and names past
 * {@code capacity} are not kept. One thread.
 */
public final class NameTable<V> {
    private static final int STRIDE = 4; // hash, start + 1 (0: an empty slot), length, unused: a slot is 16 bytes
    private final int capacity;
    private int[] slots = new int[1024 * STRIDE];
    private Object[] values = new Object[1024];
    private byte[] bytes = new byte[1 << 14];
    private int used;
    private int size;

    public NameTable(int capacity) {
        this.capacity = capacity;
    }

    /** Names kept. */
    public int size() { return size; }

    /** What is kept for the name whose characters are the bytes {@code b[from, to)}, or null. */
    public V get(byte[] b, int from, int to) {
        return get(b, from, to, hash(b, from, to));
    }

    /** As {@link #get(byte[], int, int)}, {@code h} being {@link #hash} of the bytes. */
    public V get(byte[] b, int from, int to, int h) {
        int n = to - from;
        int mask = values.length - 1;
        for (int slot = slot(h, mask); ; slot = (slot + 1) & mask) {
            int at = slot * STRIDE;
            int start = slots[at + 1];
            if (start == 0) return null;
            if (slots[at] == h && slots[at + 2] == n && Arrays.equals(bytes, start - 1, start - 1 + n, b, from, to)) return value(slot);
        }
    }

    /** What is kept for {@code name}, or null. */
    public V get(String name) {
        int n = name.length();
        int h = name.hashCode(); // the same as hash() of its Latin-1 bytes, and kept by the string
        int mask = values.length - 1;
        for (int slot = slot(h, mask); ; slot = (slot + 1) & mask) {
            int at = slot * STRIDE;
            int start = slots[at + 1];
            if (start == 0) return null;
            if (slots[at] == h && slots[at + 2] == n && same(name, start - 1)) return value(slot);
        }
    }

    /** Keeps {@code value} for the name whose characters are {@code b[from, to)}, not yet kept; false past the capacity. */
    public boolean put(byte[] b, int from, int to, V value) {
        int n = to - from;
        if (size >= capacity || n > Short.MAX_VALUE) return false;
        if (used + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + n));
        System.arraycopy(b, from, bytes, used, n);
        insert(hash(b, from, to), n, value);
        return true;
    }

    /** Keeps {@code value} for {@code name}, not yet kept; false past the capacity or for a name not in Latin-1. */
    public boolean put(String name, V value) {
        int n = name.length();
        if (size >= capacity || n > Short.MAX_VALUE) return false;
        for (int i = 0; i < n; i++) if (name.charAt(i) > 0xFF) return false;
        if (used + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + n));
        for (int i = 0; i < n; i++) bytes[used + i] = (byte) name.charAt(i);
        insert(name.hashCode(), n, value);
        return true;
    }

    /**
     * Reads the slot where the look-up of a name of hash {@code h} starts, so that it is in the cache when the look-up
     * comes: a reader looking up many names warms all their slots first, then what they point to ({@link #warmValue}),
     * and its cache misses overlap instead of coming one after another. Returns what it read, for the caller to keep
     * (a read whose value is dropped may be left out).
     */
    public int warmSlot(int h) {
        int at = slot(h, values.length - 1) * STRIDE;
        return slots[at] + slots[at + 1];
    }

    /** After {@link #warmSlot}: reads the first character of the name in that slot, and returns the value kept there. */
    public Object warmValue(int h) {
        int slot = slot(h, values.length - 1);
        int start = slots[slot * STRIDE + 1];
        if (start != 0) warmed += bytes[start - 1];
        return values[slot];
    }

    private int warmed;

    /** {@link String#hashCode} of the Latin-1 text {@code b[from, to)}: what the look-ups by bytes take. */
    public static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + (b[i] & 0xFF);
        return h;
    }

    @SuppressWarnings("unchecked")
    private V value(int slot) {
        return (V) values[slot];
    }

    /** Files the name just copied to {@code bytes[used, used + n)}. */
    private void insert(int h, int n, V value) {
        int mask = values.length - 1;
        int slot = slot(h, mask);
        while (slots[slot * STRIDE + 1] != 0) slot = (slot + 1) & mask;
        place(slots, values, slot, h, used + 1, n, value);
        used += n;
        if (++size * 2 > values.length) grow();
    }

    private static int slot(int h, int mask) {
        return (h ^ (h >>> 16)) * 0x9E3779B1 & mask;
    }

    private static void place(int[] slots, Object[] values, int slot, int h, int start, int n, Object value) {
        int at = slot * STRIDE;
        slots[at] = h;
        slots[at + 1] = start;
        slots[at + 2] = n;
        values[slot] = value;
    }

    /** Twice the slots, at most half of them used. */
    private void grow() {
        int[] oldSlots = slots;
        Object[] oldValues = values;
        int count = oldValues.length * 2;
        int mask = count - 1;
        slots = new int[count * STRIDE];
        values = new Object[count];
        for (int i = 0; i < oldValues.length; i++) {
            int at = i * STRIDE;
            if (oldSlots[at + 1] == 0) continue;
            int slot = slot(oldSlots[at], mask);
            while (slots[slot * STRIDE + 1] != 0) slot = (slot + 1) & mask;
            place(slots, values, slot, oldSlots[at], oldSlots[at + 1], oldSlots[at + 2], oldValues[i]);
        }
    }

    private boolean same(String name, int at) {
        for (int i = 0, n = name.length(); i < n; i++) if ((bytes[at + i] & 0xFF) != name.charAt(i)) return false;
        return true;
    }
}
