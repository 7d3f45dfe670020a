package org.cotejo.indicators.feed;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;

/**
 * CSV feeds, in the three layouts found in practice, chosen by the header row:
 * <ul>
 * <li>MISP exports ({@code uuid,event_id,category,type,value,comment,to_ids,date}): each row is an
 *     attribute, read through the same type table as MISP JSON;
 * <li>a type column and a value column ({@code type,value} or {@code type,indicator}, Echap's
 *     {@code network.csv}); the type is a Cotejo type key or a MISP type;
 * <li>one column per type ({@code domain_name,ip_address}; {@code MD5,,C2,Malware Family}).
 * </ul>
 * Other columns are context (a comment, the app's name): they are noted once, not loaded. A column
 * that is neither is skipped once, at line 1. One collection per file.
 */
final class CsvFeedReader {
    private CsvFeedReader() {}

    private static final Map<String, Function<String, ObservableType>> TYPED_COLUMNS = Map.ofEntries(
            Map.entry("domain", TypeInference::domainOrIp), Map.entry("domain_name", TypeInference::domainOrIp),
            Map.entry("domains", TypeInference::domainOrIp), Map.entry("hostname", TypeInference::domainOrIp),
            Map.entry("c2", TypeInference::domainOrIp),
            Map.entry("ip", TypeInference::domainOrIp), Map.entry("ip_address", TypeInference::domainOrIp),
            Map.entry("ip-dst", TypeInference::domainOrIp), Map.entry("ip-src", TypeInference::domainOrIp),
            Map.entry("md5", v -> ObservableType.MD5), Map.entry("sha1", v -> ObservableType.SHA1),
            Map.entry("sha256", v -> ObservableType.SHA256), Map.entry("sha512", v -> ObservableType.SHA512),
            Map.entry("url", v -> ObservableType.URL), Map.entry("email", v -> ObservableType.EMAIL),
            Map.entry("filename", v -> v.contains("/") ? ObservableType.FILE_PATH : ObservableType.FILE_NAME));

    /** Columns that describe a row rather than hold an indicator. */
    private static final Set<String> CONTEXT_COLUMNS = Set.of("comment", "comments", "description", "note", "notes", "app",
            "malware family", "family", "date", "uuid", "event_id", "category", "to_ids", "object_relation", "attribute_tag",
            "object_uuid", "object_name", "object_meta_category", "first_seen", "last_seen");

    static void read(FeedLoad load, Reader in) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        String name = FeedReader.baseName(load.file);
        Collection collection = new Collection(load.file, name, "", load.file, load.sha256, null, null, load.retrieved);
        List<Indicator> indicators = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            Iterator<CSVRecord> rows = parser.iterator();
            if (!rows.hasNext()) return;
            CSVRecord headerRow = rows.next();
            // Comments above the header row come with it; a cotejo-level among them is the file's level.
            for (String level : levelComments(headerRow)) {
                collection = collection.withLevelHint(load.levelHint(level, "cotejo-level comment above the header row (line " + parser.getCurrentLineNumber() + ")"));
            }
            List<String> header = new ArrayList<>();
            for (String h : headerRow) header.add(h.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", ""));
            Layout layout = layout(load, header, headerRow);
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                // The parser's line count includes comment lines, so users can find the row in an editor.
                long line = parser.getCurrentLineNumber();
                String where = "line " + line;
                String id = load.file + ":" + line;
                if (!levelComments(row).isEmpty()) {
                    load.skip(where, "a cotejo-level comment applies to the whole file and must come before the header row; ignored");
                }
                for (Cell cell : layout.cells(row, load, where)) {
                    Optional<Observable> o = load.normalise(cell.type(), cell.raw(), where);
                    if (o.isPresent()) indicators.add(new Indicator(cell.suffix().isEmpty() ? cell.idOr(id) : cell.idOr(id) + cell.suffix(),
                            o.get(), collection, where));
                }
            }
        } catch (UncheckedIOException e) {
            throw new CotejoException("CSV feed " + load.file + " is malformed: " + e.getCause().getMessage());
        }
        if (!indicators.isEmpty()) {
            load.addCollection(collection);
            indicators.forEach(load::addIndicator);
        }
    }

    private static List<String> levelComments(CSVRecord row) {
        if (row.getComment() == null) return List.of();
        List<String> levels = new ArrayList<>();
        for (String comment : row.getComment().split("\n")) {
            String level = LevelHints.fromComment(comment);
            if (level != null) levels.add(level);
        }
        return levels;
    }

    record Cell(ObservableType type, String raw, String id, String suffix) {
        String idOr(String fallback) {
            return id == null || id.isBlank() ? fallback : id;
        }
    }

    interface Layout {
        List<Cell> cells(CSVRecord row, FeedLoad load, String where);
    }

    private static Layout layout(FeedLoad load, List<String> header, CSVRecord raw) {
        int type = header.indexOf("type");
        int value = header.indexOf("value") >= 0 ? header.indexOf("value") : header.indexOf("indicator");
        if (type >= 0 && value >= 0) {
            boolean misp = header.contains("category") || header.contains("to_ids");
            noteContext(load, header, raw, Set.of(type, value));
            return misp ? mispRows(header, type, value) : typeValueRows(type, value);
        }
        List<Integer> typed = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (TYPED_COLUMNS.containsKey(h)) typed.add(i);
            else if (!CONTEXT_COLUMNS.contains(h)) {
                load.skip("line 1", h.isEmpty() ? "column " + (i + 1) + " has no name, so its values were not loaded"
                        : "column '" + raw.get(i).strip() + "' is not a known indicator type; its values were not loaded");
            }
        }
        noteContext(load, header, raw, Set.copyOf(typed));
        return (row, l, where) -> {
            List<Cell> cells = new ArrayList<>();
            for (int i : typed) {
                if (i >= row.size() || row.get(i).isBlank()) continue;
                String v = row.get(i).strip();
                cells.add(new Cell(TYPED_COLUMNS.get(header.get(i)).apply(v), v, null, typed.size() > 1 ? "#" + header.get(i) : ""));
            }
            return cells;
        };
    }

    private static void noteContext(FeedLoad load, List<String> header, CSVRecord raw, Set<Integer> used) {
        for (int i = 0; i < header.size(); i++) {
            if (!used.contains(i) && CONTEXT_COLUMNS.contains(header.get(i))) {
                load.note("column '" + raw.get(i).strip() + "' read as context, not as indicators");
            }
        }
    }

    private static Layout mispRows(List<String> header, int type, int value) {
        int uuid = header.indexOf("uuid");
        int category = header.indexOf("category");
        int toIds = header.indexOf("to_ids");
        return (row, load, where) -> {
            if (row.size() <= Math.max(type, value)) {
                load.skip(where, "the row has " + row.size() + " fields, fewer than the header's " + header.size());
                return List.of();
            }
            MispTypes.Mapped mapped = MispTypes.map(row.get(type), category >= 0 && category < row.size() ? row.get(category) : "", row.get(value));
            if (mapped.skipReason() != null) {
                load.skip(where, mapped.skipReason());
                return List.of();
            }
            if (toIds >= 0 && toIds < row.size() && row.get(toIds).strip().equals("0") && !load.options.isIncludeNonIds()) {
                load.skip(where, "to_ids is false: MISP marks it as not for detection");
                return List.of();
            }
            String id = uuid >= 0 && uuid < row.size() ? row.get(uuid) : null;
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < mapped.values().size(); i++) {
                MispTypes.Typed t = mapped.values().get(i);
                cells.add(new Cell(t.type(), t.raw(), id, mapped.values().size() > 1 ? "#" + (i + 1) : ""));
            }
            return cells;
        };
    }

    private static Layout typeValueRows(int type, int value) {
        return (row, load, where) -> {
            if (row.size() <= Math.max(type, value)) {
                load.skip(where, "the row has " + row.size() + " fields, too few for its type and value");
                return List.of();
            }
            String t = row.get(type).strip();
            String v = row.get(value).strip();
            Optional<ObservableType> cotejo = ObservableType.fromKey(t);
            if (cotejo.isPresent()) {
                ObservableType k = cotejo.get();
                // "ipv4" in a type column still holds whatever address the row has.
                if (k == ObservableType.IPV4 || k == ObservableType.IPV6) k = TypeInference.ipType(v).orElse(k);
                return List.of(new Cell(k, v, null, ""));
            }
            if (t.equalsIgnoreCase("ip")) return List.of(new Cell(TypeInference.domainOrIp(v), v, null, ""));
            MispTypes.Mapped mapped = MispTypes.map(t, "", v);
            if (mapped.skipReason() != null) {
                load.skip(where, "type '" + t + "' is not a Cotejo type, and as a MISP type: " + mapped.skipReason());
                return List.of();
            }
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < mapped.values().size(); i++) {
                cells.add(new Cell(mapped.values().get(i).type(), mapped.values().get(i).raw(), null, mapped.values().size() > 1 ? "#" + (i + 1) : ""));
            }
            return cells;
        };
    }
}
