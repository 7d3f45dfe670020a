package org.cotejo.forensics.network.logs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;

/**
 * Streams the rows of one Zeek log ({@code dns}, {@code conn}...) out of the extraction: every file
 * named {@code <log>.log} or {@code <log>.<anything>.log}, in path order, one line at a time.
 *
 * <p>Both of Zeek's formats are read, line by line, so a file may even switch between them:
 * <ul>
 * <li>Tab-separated text: {@code #separator} (written {@code \x09}), {@code #set_separator},
 * {@code #empty_field}, {@code #unset_field}, {@code #fields} and {@code #types} headers; other
 * {@code #} lines ({@code #path}, {@code #open}, {@code #close}) are skipped. A new {@code #fields}
 * line switches the columns from there on (its {@code #types} follows). An unset value ({@code -}) is
 * left out of the row, as Zeek's JSON leaves it out; {@code (empty)} is "" or an empty list. Values are
 * typed by {@code #types}: {@code count}/{@code int}/{@code port} as integers, {@code time},
 * {@code interval} and {@code double} as decimals, {@code bool} as booleans, {@code set[..]} and
 * {@code vector[..]} as lists; {@code \xHH} escapes are undone.</li>
 * <li>JSON lines: one object per line, kept as is; decimals are read exactly.</li>
 * </ul>
 * A line that is not UTF-8, too long, not JSON, has the wrong number of columns or a value that is not
 * of its type is a problem naming file and line, and the next line is read.
 *
 * <p>Tab-separated rows are read straight from the line's bytes ({@link TsvLayout}, a {@link ZeekRow} handed over)
 * when they can be, the ten-million-row case; what that does not read is read as text here, with the same values
 * and problems.
 */
final class ZeekReader {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Receives each row with the file and 1-based line it is on (a {@link ZeekRow} when read from bytes). */
    @FunctionalInterface
    interface Handler {
        void row(SourceFile file, long line, Map<String, Object> row) throws IOException;
    }

    private ZeekReader() {}

    /**
     * Whether {@code name} is a file of the log {@code log}: "dns.log", a rotated "dns.00:00:00-01:00:00.log",
     * or either gzipped ("dns.log.gz", as Zeek's log archiver leaves them).
     */
    static boolean isLog(String log, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        return n.equals(log + ".log") || (n.startsWith(log + ".") && n.endsWith(".log"));
    }

    /** Reads every row of the log {@code log} in the extraction, handing each to {@code handler}. */
    static void read(ModuleContext ctx, String log, Handler handler) throws IOException {
        read(ctx, log, List.of(), handler);
    }

    /**
     * Reads every row of the log {@code log}; a {@code #fields} header without one of the {@code required}
     * columns is reported once per file (its rows are still read: the other columns may matter).
     */
    static void read(ModuleContext ctx, String log, List<String> required, Handler handler) throws IOException {
        read(ctx, log, required, true, handler);
    }

    /** As {@link #read(ModuleContext, String, List, Handler)}; {@code fromBytes} false reads every line as text (the reference path). */
    static void read(ModuleContext ctx, String log, List<String> required, boolean fromBytes, Handler handler) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        ctx.extraction().tree().walk(e -> {
            if (e.isFile() && isLog(log, e.name())) files.add(SourceFile.of(e));
        });
        files.sort(Comparator.comparing(SourceFile::path));
        for (SourceFile file : files) {
            LineProblems problems = new LineProblems(ctx, file);
            FileState state = new FileState(required, missing -> ctx.problem(file, missing));
            state.fromBytes = fromBytes;
            try (InputStream in = decompressed(file, ctx.open(file))) {
                state.read(file, new LogLines(in), problems, handler);
            } catch (IOException e) {
                ctx.problem(file, "not read to its end" + (file.name().endsWith(".gz") ? " (a cut or damaged gzip file?)" : "")
                        + ": " + e.getMessage() + "; the rows before the damage were read");
            }
            problems.finish();
        }
    }

    /** The log's text: gunzipped on the fly for a {@code .gz} file (streamed, never unpacked to disk). */
    private static InputStream decompressed(SourceFile file, InputStream raw) throws IOException {
        if (!file.name().toLowerCase(Locale.ROOT).endsWith(".gz")) return raw;
        try {
            return new java.util.zip.GZIPInputStream(new BufferedInputStream(raw, BUFFER), BUFFER);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Reads one log's rows from {@code in}, 64 KiB at a time ({@link LogLines}): the reader is never further
     * ahead of the row it hands over than that, and holds one line at a time.
     */
    static void readStream(SourceFile file, InputStream in, LineProblems problems, Handler handler) throws IOException {
        new FileState(List.of(), missing -> { }).read(file, new LogLines(in), problems, handler);
    }

    static final int BUFFER = 1 << 16;

    /** Why a line cannot be read. */
    static final class BadLine extends Exception {
        BadLine(String why) {
            super(why, null, false, false);
        }
    }

    /** The headers in force in one file. */
    static final class FileState {
        String separator = "\t";
        String setSeparator = ",";
        String empty = "(empty)";
        String unset = "-";
        String[] fields;
        String[] types;
        private final List<String> required;
        private final java.util.function.Consumer<String> missingColumns;
        private final java.util.Set<String> reportedMissing = new java.util.HashSet<>();
        private long line;

        /** How the current headers' rows are read from bytes; null until the first data line after a header, or when they cannot be. */
        private TsvLayout layout;
        private boolean layoutKnown;
        boolean fromBytes = true;

        FileState(List<String> required, java.util.function.Consumer<String> missingColumns) {
            this.required = required;
            this.missingColumns = missingColumns;
        }

        void read(SourceFile file, LogLines lines, LineProblems problems, Handler handler) throws IOException {
            while (lines.next()) {
                long n = lines.number();
                line = n;
                if (lines.tooLong()) {
                    problems.line(n, "is over " + LogLines.MAX_LINE + " bytes");
                    continue;
                }
                if (lines.isBlank()) continue;
                byte first = lines.bytes()[0];
                if (fromBytes && fields != null && first != '#' && first != '{') {
                    if (!layoutKnown) {
                        layout = TsvLayout.of(this);
                        layoutKnown = true;
                    }
                    if (layout != null) {
                        ZeekRow row;
                        try {
                            row = layout.row(lines.bytes(), lines.length());
                        } catch (BadLine e) {
                            problems.line(n, e.getMessage());
                            continue;
                        }
                        if (row != null) {
                            handler.row(file, n, row);
                            continue;
                        }
                    }
                }
                String text = lines.text();
                if (text == null) {
                    problems.line(n, "is not UTF-8 text");
                    continue;
                }
                Map<String, Object> row;
                try {
                    if (text.startsWith("#")) {
                        header(text);
                        continue;
                    }
                    row = text.startsWith("{") ? json(text) : tsv(text);
                } catch (BadLine e) {
                    problems.line(n, e.getMessage());
                    continue;
                }
                handler.row(file, n, row);
            }
        }

        private void header(String line) {
            layoutKnown = false;
            if (line.startsWith("#separator")) {
                String rest = line.substring("#separator".length()).strip();
                if (!rest.isEmpty()) separator = unescape(rest);
                return;
            }
            int cut = line.indexOf(separator);
            if (cut < 0) return;
            String key = line.substring(1, cut);
            String value = line.substring(cut + separator.length());
            switch (key) {
                case "set_separator" -> setSeparator = unescape(value);
                case "empty_field" -> empty = unescape(value);
                case "unset_field" -> unset = unescape(value);
                case "fields" -> {
                    fields = split(value, separator);
                    types = null;
                    checkRequired();
                }
                case "types" -> types = split(value, separator);
                default -> { } // #path, #open, #close
            }
        }

        /** A {@code #fields} header without a column the module needs: said once per file and column set, not per row. */
        private void checkRequired() {
            List<String> missing = new ArrayList<>(required);
            missing.removeAll(List.of(fields));
            if (!missing.isEmpty() && reportedMissing.add(String.join(",", missing))) {
                missingColumns.accept("#fields at line " + line + " has no " + String.join(", ", missing)
                        + " column; its rows are read without it");
            }
        }

        private Map<String, Object> tsv(String line) throws BadLine {
            if (fields == null) throw new BadLine("is a data line before any #fields header");
            String[] values = split(line, separator);
            if (values.length != fields.length) {
                throw new BadLine("has " + values.length + " column(s) where #fields names " + fields.length);
            }
            Map<String, Object> row = new LinkedHashMap<>(values.length * 2);
            for (int i = 0; i < values.length; i++) {
                String v = values[i];
                if (v.equals(unset)) continue;
                String type = types != null && types.length == fields.length ? types[i] : "string";
                row.put(fields[i], value(fields[i], type, v));
            }
            return row;
        }

        private Object value(String field, String type, String v) throws BadLine {
            int open = type.indexOf('[');
            if (open > 0 && type.endsWith("]")) {
                String inner = type.substring(open + 1, type.length() - 1);
                List<Object> out = new ArrayList<>();
                if (v.equals(empty)) return out;
                for (String element : split(v, setSeparator)) out.add(element.equals(unset) ? null : scalar(field, inner, element));
                return out;
            }
            if (v.equals(empty)) return "";
            return scalar(field, type, v);
        }

        static Object scalar(String field, String type, String v) throws BadLine {
            try {
                return switch (type) {
                    case "count", "int", "port" -> Long.parseLong(v);
                    case "interval", "double" -> decimal(v);
                    case "time" -> new BigDecimal(v); // exact: ZeekModule takes the record's instant from it
                    case "bool" -> switch (v) {
                        case "T" -> Boolean.TRUE;
                        case "F" -> Boolean.FALSE;
                        default -> throw new BadLine("has " + field + " \"" + clip(v) + "\", not a bool");
                    };
                    default -> unescape(v);
                };
            } catch (NumberFormatException e) {
                throw new BadLine("has " + field + " \"" + clip(v) + "\", not a " + type);
            }
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> json(String line) throws BadLine {
            try (JsonParser p = JSON.getFactory().createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) throw new BadLine("is not a JSON object");
                Map<String, Object> row = JSON.readValue(p, LinkedHashMap.class);
                if (p.nextToken() != null) throw new BadLine("has text after its JSON object");
                return row;
            } catch (JsonProcessingException e) {
                throw new BadLine("is not valid JSON (" + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                throw new BadLine("is not readable JSON (" + e.getMessage() + ")");
            }
        }
    }

    /**
     * A decimal column as the record will hold it: plain "123.456" (what Zeek writes) straight to the double
     * {@code new BigDecimal(v).doubleValue()} gives (both round the exact value once), plain "123" to a long;
     * any other form (sign, exponent, long text) through BigDecimal as before.
     */
    static Object decimal(String v) {
        int n = v.length();
        int dot = -1;
        if (n == 0 || n > 18) return new BigDecimal(v);
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c == '.' && dot < 0 && i > 0) dot = i;
            else if (c < '0' || c > '9') return new BigDecimal(v);
        }
        if (dot < 0) return Long.parseLong(v);
        if (dot == n - 1) return new BigDecimal(v); // "5." is a whole number to BigDecimal
        return Double.parseDouble(v);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** {@code text} cut at each occurrence of {@code sep}, empty pieces kept. */
    static String[] split(String text, String sep) {
        if (sep.length() == 1) return split(text, sep.charAt(0));
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = sep.isEmpty() ? -1 : text.indexOf(sep, from);
            if (at < 0) break;
            out.add(text.substring(from, at));
            from = at + sep.length();
        }
        out.add(text.substring(from));
        return out.toArray(new String[0]);
    }

    private static String[] split(String text, char sep) {
        int n = 1;
        for (int i = text.indexOf(sep); i >= 0; i = text.indexOf(sep, i + 1)) n++;
        String[] out = new String[n];
        int from = 0;
        for (int k = 0; k < n - 1; k++) {
            int at = text.indexOf(sep, from);
            out[k] = text.substring(from, at);
            from = at + 1;
        }
        out[n - 1] = text.substring(from);
        return out;
    }

    /** Zeek's escapes undone: {@code \xHH} as the byte it stands for, {@code \\} as a backslash; bytes read as UTF-8. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x' && hex(s.charAt(i + 2)) >= 0 && hex(s.charAt(i + 3)) >= 0) {
                out.write(hex(s.charAt(i + 2)) * 16 + hex(s.charAt(i + 3)));
                i += 3;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                out.write('\\');
                i++;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
