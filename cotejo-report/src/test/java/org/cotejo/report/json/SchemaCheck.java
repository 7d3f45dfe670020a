package org.cotejo.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of JSON Schema report.schema.json uses (type, const, enum, required, properties, items),
 * checked by hand so tests need no validator library. Returns every violation with its JSON path.
 */
final class SchemaCheck {
    private SchemaCheck() {}

    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private static void check(JsonNode s, JsonNode v, String path, List<String> out) {
        if (s.has("const") && !s.get("const").equals(v)) out.add(path + ": expected " + s.get("const") + ", got " + v);
        if (s.has("enum")) {
            boolean any = false;
            for (JsonNode e : s.get("enum")) any |= e.equals(v);
            if (!any) out.add(path + ": " + v + " not in " + s.get("enum"));
        }
        if (s.has("type") && !typeMatches(s.get("type"), v)) {
            out.add(path + ": expected type " + s.get("type") + ", got " + v.getNodeType());
            return;
        }
        if (v.isObject()) {
            for (JsonNode r : s.path("required")) if (!v.has(r.asText())) out.add(path + ": missing required '" + r.asText() + "'");
            s.path("properties").properties().forEach(p -> {
                if (v.has(p.getKey())) check(p.getValue(), v.get(p.getKey()), path + "." + p.getKey(), out);
            });
        }
        if (v.isArray() && s.has("items")) {
            for (int i = 0; i < v.size(); i++) check(s.get("items"), v.get(i), path + "[" + i + "]", out);
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) if (typeMatches(t, v)) return true;
            return false;
        }
        return switch (type.asText()) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> false;
        };
    }
}
