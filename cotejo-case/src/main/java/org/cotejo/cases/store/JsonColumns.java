package org.cotejo.cases.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cotejo.cases.LegalBasis;

/**
 * The few columns that hold JSON (legal basis, device identifiers, verdict reasons, scan problems).
 * Keys are written in a fixed order so the same value always gives the same text: result hashes and
 * diffs of two case databases depend on it.
 */
final class JsonColumns {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private JsonColumns() {}

    static String legalBasis(LegalBasis b) {
        if (b == null) return null;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", b.type());
        m.put("reference", b.reference());
        m.put("requesting_authority", b.requestingAuthority());
        m.put("executing_authority", b.executingAuthority());
        m.put("notes", b.notes());
        return write(m);
    }

    static LegalBasis legalBasis(String json) {
        if (json == null) return null;
        Map<String, String> m = read(json, STRING_MAP);
        return new LegalBasis(m.get("type"), m.get("reference"), m.get("requesting_authority"), m.get("executing_authority"), m.get("notes"));
    }

    static String identifiers(Map<String, String> identifiers) {
        return write(new TreeMap<>(identifiers));
    }

    static Map<String, String> identifiers(String json) {
        return json == null ? Map.of() : read(json, STRING_MAP);
    }

    static String strings(List<String> list) {
        return write(list);
    }

    static List<String> strings(String json) {
        return json == null ? List.of() : read(json, STRING_LIST);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON column", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON column is malformed: " + e.getOriginalMessage(), e);
        }
    }
}
