package org.cotejo.forensics.network.netlog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.network.logs.LineProblems;
import org.cotejo.forensics.network.logs.LogLines;
import org.cotejo.forensics.network.netlog.NetlogFormat.Role;

/**
 * Streams a DNS-resolver or proxy log's lines as raw values by {@link Role}, one line at a time (lines
 * capped at {@link LogLines#MAX_LINE} bytes). CSV files start with their header row; a header missing a
 * mapped column is said once per file. A line that cannot be split, is not a JSON object or lacks a
 * readable time is a problem naming file and line (the first {@link LogLines#MAX_LINE_PROBLEMS}, then a
 * count), and the next line is read.
 */
final class NetlogReader {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Receives each line's values by role (absent roles left out) with its file and 1-based line. */
    @FunctionalInterface
    interface Handler {
        void row(SourceFile file, long line, Map<Role, Object> values);
    }

    private NetlogReader() {}

    static void read(ModuleContext ctx, NetlogFormat format, Handler handler) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        ctx.extraction().tree().walk(e -> {
            if (e.isFile() && !e.name().equals(NetlogFiles.SIDECAR) && !e.name().startsWith(".")) files.add(SourceFile.of(e));
        });
        files.sort(Comparator.comparing(SourceFile::path));
        for (SourceFile file : files) {
            LineProblems problems = new LineProblems(ctx, file);
            try (InputStream in = new BufferedInputStream(ctx.open(file), 1 << 16)) {
                new PerFile(ctx, file, format, problems).read(new LogLines(in), handler);
            } catch (IOException e) {
                ctx.problem(file, "not read to its end: " + e.getMessage() + "; the lines before were read");
            }
            problems.finish();
        }
    }

    private static final class BadLine extends Exception {
        BadLine(String why) {
            super(why, null, false, false);
        }
    }

    /** One file's header and lines. */
    private static final class PerFile {
        final ModuleContext ctx;
        final SourceFile file;
        final NetlogFormat format;
        final LineProblems problems;
        Map<Role, Integer> positions;

        PerFile(ModuleContext ctx, SourceFile file, NetlogFormat format, LineProblems problems) {
            this.ctx = ctx;
            this.file = file;
            this.format = format;
            this.problems = problems;
        }

        void read(LogLines lines, Handler handler) throws IOException {
            while (lines.next()) {
                long n = lines.number();
                if (lines.tooLong()) {
                    problems.line(n, "is over " + LogLines.MAX_LINE + " bytes");
                    continue;
                }
                if (lines.isBlank()) continue;
                String text = lines.text();
                if (text == null) {
                    problems.line(n, "is not UTF-8 text");
                    continue;
                }
                if (text.startsWith("#")) continue;
                try {
                    Map<Role, Object> values = switch (format.syntax()) {
                        case CSV -> csv(text, n);
                        case JSON -> json(text);
                        case SQUID -> squid(text);
                    };
                    if (values == null) continue;
                    Object time = values.get(Role.TIME);
                    if (time != null && !time.toString().isBlank() && NetlogTime.parse(time) == null) {
                        throw new BadLine("has time \"" + clip(time.toString()) + "\", not epoch seconds or milliseconds or ISO-8601");
                    }
                    handler.row(file, n, values);
                } catch (BadLine e) {
                    problems.line(n, e.getMessage());
                }
            }
        }

        /** The header row sets the positions; later rows are values. Returns null for the header. */
        private Map<Role, Object> csv(String text, long n) throws BadLine {
            List<String> cells = Csv.split(text);
            if (cells == null) throw new BadLine("has an unclosed quote");
            if (positions == null) {
                Map<String, Integer> header = new HashMap<>();
                for (int i = 0; i < cells.size(); i++) header.putIfAbsent(cells.get(i).strip().toLowerCase(Locale.ROOT), i);
                positions = new LinkedHashMap<>();
                List<String> missing = new ArrayList<>();
                format.columns().forEach((role, column) -> {
                    Integer at = header.get(column.toLowerCase(Locale.ROOT));
                    if (at != null) positions.put(role, at);
                    else missing.add(column);
                });
                if (!missing.isEmpty()) {
                    missing.sort(null);
                    ctx.problem(file, "header (line " + n + ") has no " + String.join(", ", missing) + " column of the "
                            + format.name() + " format; those values are left out");
                }
                return null;
            }
            Map<Role, Object> out = new LinkedHashMap<>();
            for (var e : positions.entrySet()) {
                if (e.getValue() < cells.size() && !cells.get(e.getValue()).isEmpty()) out.put(e.getKey(), cells.get(e.getValue()));
            }
            return out;
        }

        private Map<Role, Object> json(String text) throws BadLine {
            Map<String, Object> object;
            try (JsonParser p = JSON.getFactory().createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) throw new BadLine("is not a JSON object");
                @SuppressWarnings("unchecked") Map<String, Object> o = JSON.readValue(p, LinkedHashMap.class);
                if (p.nextToken() != null) throw new BadLine("has text after its JSON object");
                object = o;
            } catch (JsonProcessingException e) {
                throw new BadLine("is not valid JSON (" + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                throw new BadLine("is not readable JSON (" + e.getMessage() + ")");
            }
            Map<Role, Object> out = new LinkedHashMap<>();
            format.columns().forEach((role, column) -> {
                Object v = path(object, column);
                if (v != null) out.put(role, v);
            });
            return out;
        }

        /** A field by name, or by a dotted path into nested objects when no field has the whole name. */
        private static Object path(Map<String, Object> object, String column) {
            if (object.containsKey(column)) return object.get(column);
            Object at = object;
            for (String part : column.split("\\.")) {
                if (!(at instanceof Map<?, ?> m)) return null;
                at = m.get(part);
            }
            return at;
        }

        /**
         * Squid's native access.log: time, elapsed ms, client, code/status, bytes, method, URL, user,
         * hierarchy/peer, content type, separated by runs of spaces.
         */
        private static Map<Role, Object> squid(String text) throws BadLine {
            String[] f = text.strip().split("\\s+");
            if (f.length < 7) throw new BadLine("has " + f.length + " fields; a Squid access.log line has at least 7");
            Map<Role, Object> out = new LinkedHashMap<>();
            out.put(Role.TIME, f[0]);
            out.put(Role.CLIENT, f[2]);
            int slash = f[3].indexOf('/');
            if (slash >= 0) out.put(Role.STATUS, f[3].substring(slash + 1));
            out.put(Role.METHOD, f[5]);
            if (f[5].equalsIgnoreCase("CONNECT")) {
                int colon = f[6].lastIndexOf(':');
                out.put(Role.DOMAIN, colon > 0 && f[6].indexOf(']') < colon ? f[6].substring(0, colon) : f[6]);
            } else {
                out.put(Role.URL, f[6]);
            }
            if (f.length > 8) {
                int peer = f[8].indexOf('/');
                String ip = peer >= 0 ? f[8].substring(peer + 1) : "";
                if (!ip.isEmpty() && !ip.equals("-")) out.put(Role.DEST_IP, ip);
            }
            return out;
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
