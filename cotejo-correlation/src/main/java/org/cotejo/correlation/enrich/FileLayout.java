package org.cotejo.correlation.enrich;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.enrich.EnrichmentSource.Kind;

/**
 * One pass over an enrichment file: its metadata (comment lines {@code # source: …}, {@code # date: …},
 * {@code # kind: …} at the top, or a first JSON Lines object {@code {"cotejo_enrichment": {…}}}), its
 * format and kind (from the CSV header or the first record's fields, unless stated), then each record's
 * values in {@link Schema#fields} order. Anything that makes the file unreadable as a whole is a
 * {@link CotejoException} naming the file and line; a record that cannot be split into values goes to
 * the sink as bad, and the pass goes on.
 */
final class FileLayout {
    private static final Pattern META = Pattern.compile("#\\s*(source|date|kind)\\s*:\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final String HEADER_OBJECT = "cotejo_enrichment";
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Receives the records of a pass. */
    interface Sink {
        void record(long line, Kind kind, String[] values);

        void bad(long line, String reason);
    }

    /** What the file says about itself; null where it says nothing. */
    record Stated(Kind kind, String source, LocalDate date, String format) {}

    private final String file;
    private final Kind givenKind;
    private Kind statedKind;
    private String source;
    private LocalDate date;

    FileLayout(String file, Kind givenKind) {
        this.file = file;
        this.givenKind = givenKind;
    }

    /** Reads every line and returns what the file states about itself; the kind is the one finally used. */
    Stated read(TextLines lines, Sink sink) throws IOException {
        String first;
        while (true) {
            first = lines.next();
            if (first == null) throw new CotejoException("enrichment file " + file + " has no header and no records; is it empty?");
            String s = first.strip();
            if (s.isEmpty()) continue;
            if (!s.startsWith("#")) break;
            Matcher m = META.matcher(s);
            if (m.matches()) meta(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip(), lines.number());
        }
        if (first.strip().startsWith("{")) return jsonLines(first, lines, sink);
        return csv(first, lines, sink);
    }

    private Stated csv(String headerLine, TextLines lines, Sink sink) throws IOException {
        List<String> columns = new ArrayList<>();
        try {
            for (String c : CsvLine.split(headerLine)) columns.add(c.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CotejoException(where(lines.number()) + ": the header row cannot be read: " + e.getMessage());
        }
        Kind kind = Schema.kindFor(columns, kindStated(lines.number()), where(lines.number()));
        List<String> fields = Schema.fields(kind);
        int[] target = new int[columns.size()];
        for (int i = 0; i < target.length; i++) target[i] = fields.indexOf(columns.get(i));
        for (String line; (line = lines.next()) != null; ) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            List<String> cells;
            try {
                cells = CsvLine.split(line);
            } catch (IllegalArgumentException e) {
                sink.bad(lines.number(), e.getMessage());
                continue;
            }
            if (cells.size() != columns.size()) {
                sink.bad(lines.number(), "has " + cells.size() + " fields, the header has " + columns.size() + " (quote values that hold commas)");
                continue;
            }
            String[] values = blank(fields.size());
            for (int i = 0; i < target.length; i++) values[target[i]] = cells.get(i);
            sink.record(lines.number(), kind, values);
        }
        return new Stated(kind, source, date, "csv");
    }

    private Stated jsonLines(String firstLine, TextLines lines, Sink sink) throws IOException {
        JsonNode object = object(firstLine, lines.number());
        if (object.has(HEADER_OBJECT)) {
            headerObject(object, lines.number());
            object = null;
        }
        Kind kind = null;
        List<String> fields = null;
        for (String line = firstLine; line != null; line = lines.next()) {
            if (object == null) {
                if (line == firstLine || line.isBlank()) continue;
                object = object(line, lines.number());
            }
            if (kind == null) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                kind = Schema.kindFor(names, kindStated(lines.number()), where(lines.number()));
                fields = Schema.fields(kind);
            }
            String[] values = blank(fields.size());
            String problem = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int i = fields.indexOf(e.getKey());
                if (i < 0) {
                    throw new CotejoException(where(lines.number()) + ": field '" + CotejoException.printable(e.getKey())
                            + "' is not a " + kind.key() + " field; expected " + String.join(",", fields)
                            + (e.getKey().equals(HEADER_OBJECT) ? " (the cotejo_enrichment header must be the first object)" : ""));
                }
                String v = text(e.getKey(), e.getValue());
                if (v == null && problem == null) problem = e.getKey() + ": " + kindOf(e.getValue()) + " is not a value of this field";
                else if (v != null) values[i] = v;
            }
            if (problem != null) sink.bad(lines.number(), problem);
            else sink.record(lines.number(), kind, values);
            object = null;
        }
        if (kind == null) kind = kindStated(lines.number());
        if (kind == null) {
            throw new CotejoException("enrichment file " + file + " has a header object but no records, and no kind; state the kind");
        }
        return new Stated(kind, source, date, "jsonl");
    }

    /** A JSON value as the text a CSV cell would hold, or null when the field cannot hold it. */
    private static String text(String field, JsonNode v) {
        if (v.isNull()) return "";
        if (v.isTextual()) return v.asText().strip();
        if (v.isIntegralNumber()) return v.asText();
        if (v.isArray() && field.equals("name_servers")) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isTextual()) return null;
                parts.add(e.asText().strip());
            }
            return String.join(";", parts);
        }
        return null;
    }

    private static String kindOf(JsonNode v) {
        return v.isNumber() ? "a number" : v.isBoolean() ? "a boolean" : v.isArray() ? "a list" : v.isObject() ? "an object" : "this";
    }

    private JsonNode object(String line, long number) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new CotejoException(where(number) + " is not valid JSON (" + firstLine(e.getOriginalMessage())
                    + "); a JSON Lines file holds one JSON object per line");
        }
        if (node == null || !node.isObject()) {
            throw new CotejoException(where(number) + " is not a JSON object; a JSON Lines file holds one JSON object per line");
        }
        return node;
    }

    private void headerObject(JsonNode object, long number) {
        JsonNode meta = object.get(HEADER_OBJECT);
        if (object.size() != 1 || !meta.isObject()) {
            throw new CotejoException(where(number) + ": the header must be {\"" + HEADER_OBJECT + "\": {\"kind\": …, \"source\": …, \"date\": …}}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) throw new CotejoException(where(number) + ": header field '" + e.getKey() + "' must be a string");
            if (!List.of("kind", "source", "date").contains(e.getKey())) {
                throw new CotejoException(where(number) + ": unknown header field '" + CotejoException.printable(e.getKey()) + "' (kind, source, date)");
            }
            meta(e.getKey(), e.getValue().asText().strip(), number);
        }
    }

    private void meta(String key, String value, long number) {
        switch (key) {
            case "source" -> source = value;
            case "kind" -> statedKind = Schema.kindOf(value).orElseThrow(() -> new CotejoException(where(number) + ": kind '"
                    + CotejoException.printable(value) + "' is not one of " + Schema.keys()));
            default -> {
                try {
                    date = Values.date(value);
                } catch (IllegalArgumentException e) {
                    throw new CotejoException(where(number) + ": the stated date " + e.getMessage());
                }
            }
        }
    }

    /** The kind given by the caller or stated by the file; the two must agree. */
    private Kind kindStated(long number) {
        if (givenKind != null && statedKind != null && givenKind != statedKind) {
            throw new CotejoException(where(number) + ": the file says it is " + statedKind.key() + " but was given as " + givenKind.key());
        }
        return givenKind != null ? givenKind : statedKind;
    }

    private String where(long line) {
        return "enrichment file " + file + ", line " + line;
    }

    private static String[] blank(int n) {
        String[] v = new String[n];
        java.util.Arrays.fill(v, "");
        return v;
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
