package org.cotejo.cases.custody;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JSON in the canonical form of RFC 8785 (JCS), restricted to what ledger entries hold: objects with
 * text keys sorted by UTF-16 code units, arrays, text, integers, booleans and null; no whitespace.
 * A counter-expert can rebuild the bytes with any JCS implementation (or Python's
 * {@code json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} while keys are
 * ASCII). Fractions are refused: their canonical text needs the ECMAScript number algorithm, and
 * nothing in custody needs them.
 */
final class CanonicalJson {
    private CanonicalJson() {}

    /** @throws IllegalArgumentException for a value JSON cannot hold canonically (a fraction, an object of another type) */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            string(text.toString(), out);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) out.append(',');
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("ledger JSON holds text, integers, booleans, null, lists and maps, not "
                    + value.getClass().getName() + " (" + value + ")");
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) throw new IllegalArgumentException("ledger JSON keys are text, not " + key);
            keys.add(s);
        }
        keys.sort(null); // String order is UTF-16 code unit order, as RFC 8785 §3.2.3 asks
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) out.append(',');
            string(keys.get(i), out);
            out.append(':');
            write(map.get(keys.get(i)), out);
        }
        out.append('}');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
