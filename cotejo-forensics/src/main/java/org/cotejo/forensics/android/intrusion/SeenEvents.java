package org.cotejo.forensics.android.intrusion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The events already read from an export, remembered by a 128-bit hash of their canonical JSON (keys
 * sorted at every level), not by the events themselves: an export of millions of events costs a few
 * dozen bytes per event. Exports repeat events across their files (overlapping pulls), and MVT drops
 * an event identical to one seen before; so does this.
 */
final class SeenEvents {
    private long[] slots = new long[2 * 1024];
    private int size;

    /** Adds the event; true when it was not seen before. */
    boolean add(String type, JsonNode event) {
        byte[] h = digest(type, event);
        long a = toLong(h, 0), b = toLong(h, 8);
        if (a == 0 && b == 0) a = 1; // (0, 0) marks an empty slot
        if ((size + 1) * 4L > (slots.length / 2) * 3L) grow();
        return insert(slots, a, b);
    }

    private boolean insert(long[] table, long a, long b) {
        int capacity = table.length / 2;
        int i = (int) ((a ^ (a >>> 32)) & (capacity - 1));
        while (true) {
            long x = table[2 * i], y = table[2 * i + 1];
            if (x == 0 && y == 0) {
                table[2 * i] = a;
                table[2 * i + 1] = b;
                if (table == slots) size++;
                return true;
            }
            if (x == a && y == b) return false;
            i = (i + 1) & (capacity - 1);
        }
    }

    private void grow() {
        long[] old = slots;
        long[] bigger = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) insert(bigger, old[i], old[i + 1]);
        }
        slots = bigger;
    }

    private static long toLong(byte[] b, int at) {
        long v = 0;
        for (int i = at; i < at + 8; i++) v = (v << 8) | (b[i] & 0xff);
        return v;
    }

    private static byte[] digest(String type, JsonNode event) {
        MessageDigest d = org.cotejo.core.Hashing.sha256();
        StringBuilder canonical = new StringBuilder(256).append(type).append('\n');
        canonical(event, canonical);
        d.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return d.digest();
    }

    /** JSON text with the keys of every object sorted, so key order does not make two events differ. */
    static void canonical(JsonNode n, StringBuilder out) {
        if (n.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) fields.add(it.next());
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) out.append(',');
                out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(fields.get(i).getKey())).append(':');
                canonical(fields.get(i).getValue(), out);
            }
            out.append('}');
        } else if (n.isArray()) {
            out.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) out.append(',');
                canonical(n.get(i), out);
            }
            out.append(']');
        } else {
            out.append(n);
        }
    }
}
