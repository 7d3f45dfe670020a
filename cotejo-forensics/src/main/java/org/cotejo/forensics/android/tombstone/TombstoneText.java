package org.cotejo.forensics.android.tombstone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a text tombstone ({@code /data/tombstones/tombstone_NN}), line by line: the header lines
 * ({@code Build fingerprint: '…'}, {@code Timestamp: …}, {@code pid: P, tid: T, name: N  >>> cmd <<<},
 * {@code uid: U}, {@code signal N (NAME), code C (NAME)}, {@code Cause: …}, {@code Abort message: '…'}).
 *
 * <p>The first value of each key wins: the dump goes on with the other threads, which repeat
 * {@code pid:} and {@code uid:} lines, and only the crashing thread (the first) is the crash. Every
 * {@code Cause:} line is kept, as debuggerd lists several when it cannot tell which.
 */
final class TombstoneText {
    private static final Pattern PID = Pattern.compile("pid: (\\d{1,10}), tid: (\\d{1,10}), name: (.*?)(?:\\s+>>> (.*) <<<)?");
    private static final Pattern SIGNAL = Pattern.compile(
            "signal (-?\\d{1,10})(?: \\(([^)]*)\\))?, code (-?\\d{1,10})(?: \\(([^)]*)\\))?.*");
    /** Longer lines are cut: header lines are short, and a binary file must not fill the memory. */
    private static final int MAX_LINE = 64 * 1024;

    private TombstoneText() {}

    /**
     * The crash in a text tombstone, or null when the text has none of the header lines (not a text
     * tombstone). Values that do not read as what they should be are reported to {@code problems}, with
     * their line, and left out.
     */
    static Crash read(InputStream bytes, Consumer<String> problems) throws IOException {
        Header h = new Header();
        try (Reader in = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            long number = 0;
            while (readLine(in, line)) {
                number++;
                String s = line.toString().strip();
                if (s.isEmpty() || s.contains("*** *** ***")) continue;
                h.line(s, number, problems);
            }
        }
        if (!h.recognised) return null;
        return new Crash(h.fingerprint, h.revision, h.abi, h.time, h.uptime, h.cmdline == null ? List.of() : List.of(h.cmdline),
                h.pid, h.tid, h.name, h.binary, null, h.uid, h.signal, h.causes, h.abort);
    }

    /** What the header lines said so far. */
    private static final class Header {
        boolean recognised;
        String fingerprint, revision, abi, cmdline, name, binary, abort;
        TombstoneTime time;
        Long uptime, pid, tid, uid;
        Crash.Signal signal;
        final List<String> causes = new ArrayList<>();

        void line(String s, long number, Consumer<String> problems) {
            Matcher pidLine = PID.matcher(s);
            if (pidLine.matches()) {
                recognised = true;
                if (pid == null) {
                    pid = Long.parseLong(pidLine.group(1));
                    tid = Long.parseLong(pidLine.group(2));
                    name = pidLine.group(3).strip();
                    binary = pidLine.group(4) == null ? null : pidLine.group(4).strip();
                }
                return;
            }
            Matcher sig = SIGNAL.matcher(s);
            if (sig.matches()) {
                recognised = true;
                if (signal == null) {
                    signal = new Crash.Signal(Long.parseLong(sig.group(1)), orUnknown(sig.group(2)),
                            Long.parseLong(sig.group(3)), orUnknown(sig.group(4)));
                }
                return;
            }
            int colon = s.indexOf(": ");
            if (colon < 0) return;
            String key = s.substring(0, colon);
            String value = s.substring(colon + 2).strip();
            switch (key) {
                case "Build fingerprint" -> fingerprint = first(fingerprint, unquote(value));
                case "Revision" -> revision = first(revision, unquote(value));
                case "ABI" -> abi = first(abi, unquote(value));
                case "Cmdline" -> cmdline = first(cmdline, value);
                case "Abort message" -> abort = first(abort, unquote(value));
                case "Cause" -> causes.add(value);
                case "Timestamp" -> {
                    if (time == null) {
                        time = TombstoneTime.parse(value);
                        if (time == null) problems.accept("line " + number + ": Timestamp '" + value + "' is not a date and time; left out");
                    }
                }
                case "Process uptime" -> uptime = first(uptime, number(value, "Process uptime", number, problems));
                case "uid" -> uid = first(uid, number(value, "uid", number, problems));
                default -> {
                    return;
                }
            }
            recognised = true;
        }

        private static <T> T first(T kept, T value) {
            return kept != null ? kept : value;
        }
    }

    /** A whole number, with the seconds unit debuggerd writes after the uptime ("42s") dropped. */
    private static Long number(String text, String key, long line, Consumer<String> problems) {
        String digits = text.strip();
        if (digits.endsWith("s")) digits = digits.substring(0, digits.length() - 1);
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            problems.accept("line " + line + ": " + key + " '" + text + "' is not a number; left out");
            return null;
        }
    }

    private static String orUnknown(String name) {
        return name == null || name.isBlank() ? "UNKNOWN" : name;
    }

    /** debuggerd quotes some values ('…'); the quotes are not part of them. */
    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1) : v;
    }

    /** Reads one line into {@code out} (without its end), cut at {@link #MAX_LINE}; false at the end of input. */
    private static boolean readLine(Reader in, StringBuilder out) throws IOException {
        out.setLength(0);
        int c = in.read();
        if (c < 0) return false;
        while (c >= 0 && c != '\n') {
            if (c != '\r' && out.length() < MAX_LINE) out.append((char) c);
            c = in.read();
        }
        return true;
    }
}
