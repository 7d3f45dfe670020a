package org.cotejo.report.assemble;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.cotejo.core.CotejoException;
import org.cotejo.report.model.Mandate;

/**
 * The mandate as a JSON file (docs/investigate.md): an object with the text fields {@code court},
 * {@code proceedings}, {@code instrument}, {@code requesting_authority}, {@code expert}, the date
 * {@code ordered_at} (2026-10-01 or 2026-10-01T09:00:00Z) and the array of strings {@code questions}.
 * Every field is optional; an unknown field is an error, so a misspelt one is not silently left out of a
 * report a court reads.
 */
public final class MandateFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("court", "proceedings", "instrument", "requesting_authority", "expert", "ordered_at",
            "questions");

    private MandateFile() {}

    public static Mandate read(Path file) {
        if (!Files.isRegularFile(file)) throw new CotejoException("no such mandate file: " + file);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new CotejoException("mandate file " + file + " is not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CotejoException("cannot read the mandate file " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new CotejoException("mandate file " + file + " must hold one JSON object; see docs/investigate.md");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new CotejoException("mandate file " + file + ": unknown field '" + f + "'; the fields are court, proceedings, instrument,"
                        + " requesting_authority, expert, ordered_at, questions");
            }
        }
        List<String> questions = new ArrayList<>();
        JsonNode q = root.path("questions");
        if (!q.isMissingNode() && !q.isArray()) throw new CotejoException("mandate file " + file + ": questions must be an array of strings");
        for (JsonNode n : q) {
            if (!n.isTextual()) throw new CotejoException("mandate file " + file + ": questions must be an array of strings");
            questions.add(n.asText().strip());
        }
        return new Mandate(text(root, "court", file), text(root, "proceedings", file), text(root, "instrument", file),
                text(root, "requesting_authority", file), text(root, "expert", file), date(root, file), questions);
    }

    private static String text(JsonNode root, String field, Path file) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return "";
        if (!n.isTextual()) throw new CotejoException("mandate file " + file + ": " + field + " must be a string");
        return n.asText().strip();
    }

    private static Instant date(JsonNode root, Path file) {
        String s = text(root, "ordered_at", file);
        if (s.isEmpty()) return null;
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new CotejoException("mandate file " + file + ": ordered_at '" + s + "' is not a date like 2026-10-01 or a UTC time like"
                    + " 2026-10-01T09:00:00Z");
        }
    }
}
