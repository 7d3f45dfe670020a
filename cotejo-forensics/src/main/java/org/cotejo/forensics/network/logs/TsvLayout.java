package org.cotejo.forensics.network.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.cotejo.forensics.network.logs.ZeekReader.BadLine;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * Reads the rows of a tab-separated Zeek log straight from the line's bytes under one set of headers: cut at the
 * separator byte, each value made from its bytes (numbers without going through text), into a {@link ZeekRow}. The
 * values and problems are exactly those of the text path ({@code ZeekReader.FileState#tsv}), which still reads what this does not: lines that are not ASCII, and headers
 * whose separators are not one ASCII byte or whose columns repeat a name or include {@code timestamp}. Odd values
 * (signs, exponents, long numbers, anything invalid) go through the text path's own conversions, so they read, and
 * fail, with the same messages.
 */
final class TsvLayout {
    private static final int STRING = 0, COUNT = 1, DECIMAL = 2, TIME = 3, BOOL = 4;
    private static final List<Object> EMPTY_LIST = Collections.emptyList();
    /** 10^0 .. 10^22, each exact as a double. */
    private static final double[] POW10 = new double[23];
    private static final long[] LONG_POW10 = new long[19];

    static {
        double d = 1;
        for (int i = 0; i < POW10.length; i++, d *= 10) POW10[i] = d;
        long l = 1;
        for (int i = 0; i < LONG_POW10.length; i++, l *= 10) LONG_POW10[i] = l;
    }

    /**
     * Writes the {@code timestamp} text of the rows whose values are made when read, on whichever thread reads them
     * (the judging thread, the output writer): one per thread, each reusing its current second's text.
     */
    private static final ThreadLocal<MvtTime.Writer> CLOCKS = ThreadLocal.withInitial(MvtTime.Writer::new);

    private final Fields.Columns columns;
    private final String[] names;
    private final String[] types;
    private final String[] innerTypes;
    private final int[] kinds;
    /** The kind of a set's or vector's elements, or -1 for a single value. */
    private final int[] inner;
    private final int ts;
    private final byte separator;
    private final byte setSeparator;
    private final byte[] unset;
    private final byte[] empty;
    private final int[] cuts;

    private TsvLayout(ZeekReader.FileState state, Fields.Columns columns) {
        this.columns = columns;
        this.names = state.fields.clone();
        int n = names.length;
        types = new String[n];
        innerTypes = new String[n];
        kinds = new int[n];
        inner = new int[n];
        for (int i = 0; i < n; i++) {
            String type = state.types != null && state.types.length == n ? state.types[i] : "string";
            types[i] = type;
            inner[i] = -1;
            int open = type.indexOf('[');
            if (open > 0 && type.endsWith("]")) {
                innerTypes[i] = type.substring(open + 1, type.length() - 1);
                inner[i] = kind(innerTypes[i]);
            }
            kinds[i] = kind(type);
        }
        ts = Arrays.asList(names).indexOf("ts");
        separator = (byte) state.separator.charAt(0);
        setSeparator = (byte) state.setSeparator.charAt(0);
        unset = state.unset.getBytes(StandardCharsets.ISO_8859_1);
        empty = state.empty.getBytes(StandardCharsets.ISO_8859_1);
        cuts = new int[n + 1];
    }

    /**
     * Whether rows read under {@code other} are read exactly as under this layout: the same columns and types, separators
     * and unset and empty marks (a log's rotated files, each with its own headers, usually are).
     */
    boolean readsLike(TsvLayout other) {
        return other == this || (Arrays.equals(names, other.names) && Arrays.equals(types, other.types) && separator == other.separator
                && setSeparator == other.setSeparator && Arrays.equals(unset, other.unset) && Arrays.equals(empty, other.empty));
    }

    /** Column {@code name}'s position, or -1. */
    int column(String name) {
        return Arrays.asList(names).indexOf(name);
    }

    /** The layout for the headers in force, or null when its rows are read as text. */
    static TsvLayout of(ZeekReader.FileState state) {
        if (state.fields == null || !oneAsciiByte(state.separator) || !oneAsciiByte(state.setSeparator)
                || !ascii(state.unset) || !ascii(state.empty)) return null;
        List<String> names = new ArrayList<>(List.of(state.fields));
        if (names.contains("timestamp") || names.stream().distinct().count() != names.size()) return null;
        names.add("timestamp");
        return new TsvLayout(state, Fields.Columns.of(names));
    }

    private static boolean oneAsciiByte(String s) {
        return s.length() == 1 && s.charAt(0) < 0x80;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    private static int kind(String type) {
        return switch (type) {
            case "count", "int", "port" -> COUNT;
            case "interval", "double" -> DECIMAL;
            case "time" -> TIME;
            case "bool" -> BOOL;
            default -> STRING;
        };
    }

    /** The row on line bytes {@code b[0, length)}, or null when the line is not ASCII (the text path reads it). */
    ZeekRow row(byte[] b, int length) throws BadLine {
        int n = names.length;
        int count = 0;
        byte sep = separator;
        for (int i = 0; i < length; i++) { // tried eight bytes at a time (SWAR): no faster here
            byte c = b[i];
            if (c < 0) return null;
            if (c == sep) {
                if (count < n) cuts[count] = i;
                count++;
            }
        }
        if (count + 1 != n) throw new BadLine("has " + (count + 1) + " column(s) where #fields names " + n);
        cuts[n - 1] = length;
        Object[] values = new Object[n + 1];
        Object tsValue = null;
        boolean deferred = false;
        int from = 0;
        for (int col = 0; col < n; col++) {
            int to = cuts[col];
            if (!is(unset, b, from, to)) {
                if (col == ts) {
                    tsValue = kinds[col] == TIME && inner[col] < 0 ? time(b, from, to) : null;
                    if (tsValue != null) {
                        values[col] = Fields.LATER; // its decimal, and the timestamp text, are made if the record is written
                        deferred = true;
                    } else {
                        Object raw = textPath(col, new String(b, from, to - from, StandardCharsets.ISO_8859_1));
                        values[col] = Fields.value(raw);
                        tsValue = raw;
                    }
                } else if (readsLater(col, b, from, to)) {
                    values[col] = Fields.LATER;
                    deferred = true;
                } else {
                    values[col] = value(col, b, from, to);
                }
            }
            from = to + 1;
        }
        return new ZeekRow(columns, values, tsValue, deferred ? new Line(Arrays.copyOf(b, length), Arrays.copyOf(cuts, n)) : null);
    }

    /**
     * The bytes of one line and where its columns end, kept for the values left {@link Fields#LATER}: most of a log's
     * columns are never read unless the record is written, so their strings and numbers are made only then.
     */
    final class Line implements Fields.Later {
        private final byte[] bytes;
        private final int[] ends;

        Line(byte[] bytes, int[] ends) {
            this.bytes = bytes;
            this.ends = ends;
        }

        /** The layout the line was read under. */
        TsvLayout layout() { return TsvLayout.this; }

        /** The line's bytes: column {@code col} is {@code bytes()[from(col), to(col))}. */
        byte[] bytes() { return bytes; }

        int from(int col) { return col == 0 ? 0 : ends[col - 1] + 1; }

        int to(int col) { return ends[col]; }

        @Override
        public Object value(int col) {
            if (col == names.length) return CLOCKS.get().format(time(bytes, from(ts), to(ts))); // timestamp: ts as text
            if (col == ts) return tsDecimal(bytes, from(ts), to(ts));
            try {
                return TsvLayout.this.value(col, bytes, col == 0 ? 0 : ends[col - 1] + 1, ends[col]);
            } catch (BadLine e) {
                throw new IllegalStateException("column " + names[col] + " was checked when its line was read: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Whether the value in {@code b[from, to)} of column {@code col} can be left for later: it reads on the byte path
     * without fail (checked here, making nothing) and is worth not making now (a string, a number, a list of them).
     * Booleans, "(empty)" and anything else are made now, as before, so a bad value is a problem of its line.
     */
    private boolean readsLater(int col, byte[] b, int from, int to) {
        if (is(empty, b, from, to)) return false;
        int elements = inner[col];
        if (elements < 0) return plain(kinds[col], b, from, to);
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == setSeparator) {
                if (!is(unset, b, start, i) && !plain(elements, b, start, i)) return false;
                start = i + 1;
            }
        }
        return true;
    }

    /** Whether {@link #scalar} reads {@code b[from, to)} as a {@code kind} value on its byte path, without the text path. */
    private static boolean plain(int kind, byte[] b, int from, int to) {
        return switch (kind) {
            case STRING -> true;
            case COUNT -> {
                int n = to - from;
                if (n == 0 || n > 18) yield false;
                for (int i = from; i < to; i++) if (b[i] < '0' || b[i] > '9') yield false;
                yield true;
            }
            case DECIMAL -> decimalShape(b, from, to) >= 0;
            default -> false;
        };
    }

    /** The value of {@code b[from, to)} in column {@code col}, as the record holds it. */
    private Object value(int col, byte[] b, int from, int to) throws BadLine {
        int elements = inner[col];
        if (elements >= 0) {
            if (is(empty, b, from, to)) return EMPTY_LIST;
            int count = 1;
            for (int i = from; i < to; i++) if (b[i] == setSeparator) count++;
            Object[] out = new Object[count];
            int k = 0;
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || b[i] == setSeparator) {
                    out[k++] = is(unset, b, start, i) ? null : scalar(col, elements, innerTypes[col], b, start, i);
                    start = i + 1;
                }
            }
            // over an array held by final fields: safe to read on another thread than the one that made it
            return Collections.unmodifiableList(Arrays.asList(out));
        }
        if (is(empty, b, from, to)) return "";
        return scalar(col, kinds[col], types[col], b, from, to);
    }

    private Object scalar(int col, int kind, String type, byte[] b, int from, int to) throws BadLine {
        switch (kind) {
            case STRING -> {
                for (int i = from; i < to; i++) if (b[i] == '\\') return ZeekReader.unescape(latin1(b, from, to));
                return latin1(b, from, to);
            }
            case COUNT -> {
                int n = to - from;
                if (n > 0 && n <= 18) {
                    long v = 0;
                    int i = from;
                    for (; i < to; i++) {
                        int d = b[i] - '0';
                        if (d < 0 || d > 9) break;
                        v = v * 10 + d;
                    }
                    if (i == to) return v;
                }
            }
            case DECIMAL -> {
                Object d = plainDecimal(b, from, to);
                if (d != null) return d;
            }
            case BOOL -> {
                if (to - from == 1 && b[from] == 'T') return Boolean.TRUE;
                if (to - from == 1 && b[from] == 'F') return Boolean.FALSE;
            }
            default -> { } // TIME in a set or vector
        }
        return Fields.value(ZeekReader.FileState.scalar(names[col], type, latin1(b, from, to)));
    }

    /**
     * "123.456" (digits, a dot, digits) as the double BigDecimal gives for it, "123" as a long; null for any other form.
     * The double is the exact quotient of two exactly represented numbers, rounded once, as {@code BigDecimal.doubleValue}
     * computes it for such values.
     */
    private static Object plainDecimal(byte[] b, int from, int to) {
        long shape = decimalShape(b, from, to);
        if (shape < 0) return null;
        long unscaled = 0;
        for (int i = from; i < to; i++) if (b[i] != '.') unscaled = unscaled * 10 + (b[i] - '0');
        return shape == 0 ? (Object) unscaled : (Object) (unscaled / POW10[(int) shape]);
    }

    /**
     * The shape of a plain decimal in {@code b[from, to)}, making nothing: -1 when it is none (the text path reads it),
     * 0 for a whole number (a long), else the number of decimals (a double that is exact to one rounding).
     */
    private static long decimalShape(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0 || n > 18) return -1;
        int dot = -1;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '.' && dot < 0 && i > from && i < to - 1) dot = i;
            else if (c < '0' || c > '9') return -1;
        }
        if (dot < 0) return 0;
        int scale = to - dot - 1;
        // up to 15 digits the number is under 10^15 < 2^52: only longer ones are computed
        return n > 16 && digits(b, from, dot) * LONG_POW10[scale] + digits(b, dot + 1, to) >= 1L << 52 ? -1 : scale;
    }

    /**
     * A {@code time} {@code ts} "1735689600.001106" as an instant, in long arithmetic; null for any other form (the text
     * path reads it). Its value in the record is {@link #tsDecimal}, made only when asked for.
     */
    private static Instant time(byte[] b, int from, int to) {
        long shape = tsShape(b, from, to);
        if (shape < 0) return null;
        int scale = (int) shape;
        int dot = to - scale - 1;
        long seconds = digits(b, from, dot);
        long fraction = digits(b, dot + 1, to);
        return Instant.ofEpochSecond(seconds, fraction * LONG_POW10[9 - scale]);
    }

    /** The record's value of a {@code ts} that {@link #time} reads: the double BigDecimal gives for its text. */
    private static Double tsDecimal(byte[] b, int from, int to) {
        int scale = (int) tsShape(b, from, to);
        int dot = to - scale - 1;
        long unscaled = digits(b, from, dot) * LONG_POW10[scale] + digits(b, dot + 1, to); // under 9e18: no overflow
        return unscaled / POW10[scale];
    }

    /**
     * The number of decimals of a {@code ts} read as "seconds.fraction" (1 to 10 digits, a dot, 1 to 9 digits, under
     * 9e9 seconds, its digits under 2^52 as one number, so its double is exact to one rounding), or -1. Past 9e9 seconds
     * the nanoseconds overflow a long and the text path gives no instant.
     */
    private static long tsShape(byte[] b, int from, int to) {
        int dot = -1;
        long seconds = 0;
        long fraction = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (b[i] == '.' && dot < 0) {
                dot = i;
            } else if (d < 0 || d > 9) {
                return -1;
            } else if (dot < 0) {
                seconds = seconds * 10 + d;
            } else {
                fraction = fraction * 10 + d;
            }
        }
        int whole = (dot < 0 ? to : dot) - from;
        int scale = dot < 0 ? 0 : to - dot - 1;
        if (whole == 0 || whole > 10 || scale == 0 || scale > 9 || seconds >= 9_000_000_000L) return -1;
        return seconds * LONG_POW10[scale] + fraction >= 1L << 52 ? -1 : scale;
    }

    private static long digits(byte[] b, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) v = v * 10 + (b[i] - '0');
        return v;
    }

    /** The text path's conversion of one value (for what the byte path does not read itself). */
    private Object textPath(int col, String v) throws BadLine {
        int kind = inner[col];
        if (kind >= 0) {
            if (v.equals(new String(empty, StandardCharsets.ISO_8859_1))) return EMPTY_LIST;
            List<Object> out = new ArrayList<>();
            for (String element : ZeekReader.split(v, (char) setSeparator + "")) {
                out.add(is(unset, element) ? null : ZeekReader.FileState.scalar(names[col], innerTypes[col], element));
            }
            return out;
        }
        if (v.equals(new String(empty, StandardCharsets.ISO_8859_1))) return "";
        return ZeekReader.FileState.scalar(names[col], types[col], v);
    }

    private static boolean is(byte[] text, String v) {
        return v.equals(new String(text, StandardCharsets.ISO_8859_1));
    }

    private static boolean is(byte[] text, byte[] b, int from, int to) {
        int n = text.length;
        if (to - from != n) return false;
        if (n == 1) return b[from] == text[0]; // "-": asked of every value
        return Arrays.equals(text, 0, n, b, from, to);
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
