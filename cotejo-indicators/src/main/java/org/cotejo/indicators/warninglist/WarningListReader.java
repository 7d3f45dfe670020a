package org.cotejo.indicators.warninglist;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;

/**
 * Reads one MISP warninglist file ({@code lists/<name>/list.json} in the MISP warninglists
 * repository): {@code name}, {@code version}, {@code description}, {@code type},
 * {@code matching_attributes}, {@code list}. A missing {@code type} means {@code string}, as in MISP.
 */
final class WarningListReader {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WarningListReader() {}

    /** A list and its entries prepared for checking. */
    record Prepared(WarningList list, EntryMatcher matcher) {}

    /** @param where names the file in messages and becomes the list's {@code source} */
    static Prepared read(InputStream in, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new CotejoException("warning list " + where + " is not valid JSON" + position + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CotejoException("cannot read warning list " + where + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CotejoException("warning list " + where + " is not a JSON object; expected a MISP warninglist");
        }
        String name = requiredText(root, "name", where);
        String typeName = root.path("type").asText("string");
        WarningListType type = WarningListType.fromMisp(typeName).orElseThrow(() -> new CotejoException(
                "warning list " + where + ": unknown \"type\" '" + typeName + "' (expected string, hostname, cidr, substring or regex)"));
        List<String> notes = new ArrayList<>();
        Set<ObservableType> appliesTo = appliesTo(root, type, notes, where);
        List<String> entries = entries(root, where);
        EntryMatcher matcher = EntryMatcher.compile(type, appliesTo, entries, notes, where);
        WarningList list = new WarningList(name, root.path("description").asText(""), where,
                root.path("version").asInt(0), type, appliesTo, entries, notes);
        return new Prepared(list, matcher);
    }

    private static String requiredText(JsonNode root, String field, String where) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new CotejoException("warning list " + where + ": missing or empty \"" + field + "\"");
        }
        return node.asText().strip();
    }

    private static Set<ObservableType> appliesTo(JsonNode root, WarningListType type, List<String> notes, String where) {
        JsonNode attributes = root.get("matching_attributes");
        if (attributes == null || attributes.isNull() || attributes.isEmpty()) return MispAttributes.inferredFrom(type);
        if (!attributes.isArray()) {
            throw new CotejoException("warning list " + where + ": \"matching_attributes\" must be an array of MISP attribute types");
        }
        Set<ObservableType> types = EnumSet.noneOf(ObservableType.class);
        Set<String> ignored = new TreeSet<>();
        for (JsonNode attribute : attributes) {
            Set<ObservableType> mapped = MispAttributes.observableTypes(attribute.asText());
            if (mapped.isEmpty()) ignored.add(attribute.asText());
            types.addAll(mapped);
        }
        if (!ignored.isEmpty()) {
            notes.add("matching_attributes with no Cotejo observable type, ignored: " + String.join(", ", ignored));
        }
        return types;
    }

    private static List<String> entries(JsonNode root, String where) {
        JsonNode list = root.get("list");
        if (list == null || !list.isArray()) {
            throw new CotejoException("warning list " + where + ": missing \"list\" array of entries");
        }
        List<String> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (!entry.isTextual()) {
                throw new CotejoException("warning list " + where + ": entry " + (i + 1) + " of \"list\" is not a string: " + entry);
            }
            if (!entry.asText().isBlank()) entries.add(entry.asText().strip());
        }
        return entries;
    }
}
