package org.cotejo.cli.correlate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.pivot.PivotDecision;

/**
 * An analyst's pivot decisions as a JSON file: an array of objects {@code {"type": "domain", "value":
 * "x.example", "decision": "confirmed" | "rejected", "analyst": "…", "when": "2024-05-01T10:00:00Z",
 * "note": "…"}}. Every field but the note is required: a decision counts as proof only when it says who
 * made it and when.
 */
public final class PivotDecisions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PivotDecisions() {}

    public static List<PivotDecision> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CotejoException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) throw new CotejoException(file + " must hold a JSON array of pivot decisions");
        List<PivotDecision> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode d = root.get(i);
            String where = file + " decision " + (i + 1);
            ObservableType type = ObservableType.fromKey(text(d, "type", where)).orElseThrow(() ->
                    new CotejoException(where + ": unknown type '" + d.path("type").asText() + "'"));
            String value;
            try {
                value = type.normalise(text(d, "value", where)).value();
            } catch (IllegalArgumentException e) {
                throw new CotejoException(where + ": the value " + e.getMessage());
            }
            PivotDecision.Decision decision;
            try {
                decision = PivotDecision.Decision.valueOf(text(d, "decision", where).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CotejoException(where + ": decision must be confirmed or rejected");
            }
            Instant when;
            try {
                when = Instant.parse(text(d, "when", where));
            } catch (DateTimeParseException e) {
                throw new CotejoException(where + ": when must be a UTC time like 2024-05-01T10:00:00Z");
            }
            out.add(new PivotDecision(value, type, decision, text(d, "analyst", where), when, d.path("note").asText("")));
        }
        return out;
    }

    private static String text(JsonNode d, String field, String where) {
        JsonNode v = d.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new CotejoException(where + ": '" + field + "' is missing");
        return v.asText().strip();
    }
}
