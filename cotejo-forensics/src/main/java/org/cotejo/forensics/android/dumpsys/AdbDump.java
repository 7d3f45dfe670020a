package org.cotejo.forensics.android.dumpsys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The indented {@code key=value} / {@code key={ … }} tree {@code dumpsys adb} prints. {@code user_keys}
 * and {@code keystore} run over several lines, until a blank line or a structural line (a closing
 * brace, or {@code identifier=…}); the keystore's bytes are kept as they are, since from Android 12 it
 * is binary XML. Other values are text.
 */
final class AdbDump {
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=");
    static final List<String> MULTI_LINE = List.of("user_keys", "keystore");

    /** The parsed tree: nested maps of String, and byte[] for the multi-line values; with the line each key was on. */
    record Tree(Map<String, Object> root, Map<String, Long> lines) {}

    private AdbDump() {}

    /** Parses the section's bytes; {@code firstLine} numbers its first line. Empty root when there is no opening brace. */
    static Tree parse(byte[] section, long firstLine) {
        List<byte[]> lines = split(section);
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Long> where = new LinkedHashMap<>();
        Deque<Map<String, Object>> stack = new ArrayDeque<>();
        String multi = null;
        ByteArrayOutputStream buf = null;
        boolean opened = false;
        for (int i = 0; i < lines.size(); i++) {
            byte[] raw = lines.get(i);
            String t = new String(raw, StandardCharsets.UTF_8).strip();
            if (!opened) {
                if (t.equals("{")) {
                    opened = true;
                    stack.push(root);
                }
                continue;
            }
            if (multi != null) {
                boolean structural = t.isEmpty() || t.startsWith("}") || ASSIGNMENT.matcher(t).find();
                if (!structural) {
                    buf.write('\n');
                    buf.writeBytes(raw);
                    continue;
                }
                stack.peek().put(multi, buf.toByteArray());
                multi = null;
                if (t.isEmpty()) continue;
            }
            if (t.startsWith("}")) {
                if (stack.size() > 1) stack.pop();
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0 || stack.isEmpty()) continue;
            String key = t.substring(0, eq);
            where.putIfAbsent(key, firstLine + i);
            if (t.endsWith("={") && t.length() == eq + 2) {
                Map<String, Object> child = new LinkedHashMap<>();
                stack.peek().put(key, child);
                stack.push(child);
            } else if (MULTI_LINE.contains(key)) {
                multi = key;
                buf = new ByteArrayOutputStream();
                int at = indexOf(raw, (byte) '=');
                buf.write(raw, at + 1, raw.length - at - 1);
            } else {
                stack.peek().put(key, t.substring(eq + 1));
            }
        }
        if (multi != null && !stack.isEmpty()) stack.peek().put(multi, buf.toByteArray());
        return new Tree(root, where);
    }

    private static List<byte[]> split(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i == b.length || b[i] == '\n') {
                if (i == b.length && start == i) break;
                int end = i > start && b[i - 1] == '\r' ? i - 1 : i;
                byte[] line = new byte[end - start];
                System.arraycopy(b, start, line, 0, line.length);
                out.add(line);
                start = i + 1;
            }
        }
        return out;
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }
}
