package org.cotejo.report.stix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cotejo.core.indicator.Tlp;

/**
 * Checks a STIX 2.1 bundle against the rules of the specification that decide whether another tool
 * (OpenCTI, MISP, a TAXII server) will load it as meant: identifiers of the form {@code type--UUID}
 * (version 4, or 5 for name-based ids), {@code spec_version} 2.1, the properties each type requires,
 * {@code created <= modified}, timestamps in RFC 3339 UTC, {@code confidence} within 0–100, and every
 * {@code *_ref}/{@code *_refs} resolving to an object of the bundle (or to a TLP marking, whose ids
 * are fixed by the standard) of a type the property allows.
 *
 * <p>It is structural: it does not evaluate patterns or open vocabularies. Each problem names the
 * object and the property.
 */
public final class StixValidator {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,248}[a-z0-9]");
    private static final Pattern PROPERTY = Pattern.compile("[a-z0-9_]+");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private final List<StixProblem> problems = new ArrayList<>();
    private final Map<String, String> types = new HashMap<>();

    private StixValidator() {}

    /** The problems of a bundle given as JSON bytes; unreadable JSON is one problem. */
    public static List<StixProblem> validate(byte[] json) {
        try {
            return validate(new ObjectMapper().readTree(json));
        } catch (JsonProcessingException e) {
            return List.of(new StixProblem("", "", "not JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading memory cannot fail", e);
        }
    }

    public static List<StixProblem> validate(JsonNode bundle) {
        StixValidator v = new StixValidator();
        v.bundle(bundle);
        return List.copyOf(v.problems);
    }

    private void problem(String id, String property, String message) {
        problems.add(new StixProblem(id, property, message));
    }

    private void bundle(JsonNode bundle) {
        if (!bundle.isObject()) {
            problem("", "", "a bundle is a JSON object");
            return;
        }
        String id = bundle.path("id").asText("");
        String where = id.isEmpty() ? "bundle" : id;
        if (!"bundle".equals(bundle.path("type").asText())) problem(where, "type", "a bundle's type is \"bundle\"");
        identifier(where, "id", id, "bundle");
        if (bundle.has("spec_version")) problem(where, "spec_version", "STIX 2.1 bundles carry no spec_version (2.0 did)");
        JsonNode objects = bundle.path("objects");
        if (!objects.isArray()) {
            if (!objects.isMissingNode()) problem(where, "objects", "is not a list");
            return;
        }
        Set<String> versions = new HashSet<>();
        for (JsonNode o : objects) {
            String oid = o.path("id").asText("");
            if (!oid.isEmpty()) types.putIfAbsent(oid, o.path("type").asText(""));
            if (!versions.add(oid + "|" + o.path("modified").asText(""))) problem(oid, "id", "appears twice with the same modified time");
        }
        for (JsonNode o : objects) object(o);
    }

    private void object(JsonNode o) {
        if (!o.isObject()) {
            problem("", "", "an entry of objects is not a JSON object");
            return;
        }
        String id = o.path("id").asText("");
        String type = o.path("type").asText("");
        String where = id.isEmpty() ? "(" + (type.isEmpty() ? "object" : type) + " without id)" : id;
        if (type.isEmpty()) problem(where, "type", "required property missing");
        else if (!TYPE.matcher(type).matches()) problem(where, "type", "\"" + type + "\" is not a valid type name");
        if (id.isEmpty()) problem(where, "id", "required property missing");
        else identifier(where, "id", id, type);
        StixTypes.Category category = StixTypes.category(type);
        if (category == StixTypes.Category.UNKNOWN && !type.isEmpty() && !declaresNewObject(o)) {
            problem(where, "type", "\"" + type + "\" is not a STIX 2.1 object type and no extension definition declares it");
        }
        String spec = o.path("spec_version").asText(null);
        boolean core = category == StixTypes.Category.SDO || category == StixTypes.Category.SRO || category == StixTypes.Category.SMO;
        if (spec == null ? core : !spec.equals("2.1")) problem(where, "spec_version", spec == null ? "required property missing" : "is \"" + spec + "\", not \"2.1\"");
        if (core) {
            require(o, where, "created");
            if (!type.equals("marking-definition")) require(o, where, "modified");
            order(o, where, "created", "modified", "must not be later than modified");
        }
        for (String p : StixTypes.REQUIRED.getOrDefault(type, List.of())) require(o, where, p);
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PROPERTY.matcher(name).matches()) problem(where, name, "property names are lower-case ASCII letters, digits and underscores");
            JsonNode value = o.get(name);
            if (StixTypes.TIMESTAMPS.contains(name)) timestamp(where, name, value);
        }
        if (o.has("confidence")) {
            JsonNode c = o.get("confidence");
            if (!c.isIntegralNumber() || c.asInt() < 0 || c.asInt() > 100) problem(where, "confidence", "must be an integer from 0 to 100");
        }
        references(where, o, "");
        switch (type) {
            case "malware" -> malware(o, where);
            case "indicator" -> order(o, where, "valid_from", "valid_until", "must be earlier than valid_until");
            case "sighting" -> sighting(o, where);
            case "relationship" -> order(o, where, "start_time", "stop_time", "must be earlier than stop_time");
            case "intrusion-set", "infrastructure", "campaign", "threat-actor" -> order(o, where, "first_seen", "last_seen", "must not be later than last_seen");
            case "marking-definition" -> marking(o, id, where);
            default -> { }
        }
    }

    private void identifier(String where, String property, String id, String type) {
        int sep = id.indexOf("--");
        if (sep < 0) {
            problem(where, property, "\"" + id + "\" is not of the form type--UUID");
            return;
        }
        String prefix = id.substring(0, sep);
        if (type != null && !type.isEmpty() && !prefix.equals(type)) problem(where, property, "\"" + id + "\" does not start with its type \"" + type + "--\"");
        var m = UUID.matcher(id.substring(sep + 2));
        if (!m.matches()) {
            problem(where, property, "\"" + id.substring(sep + 2) + "\" is not a lower-case RFC 4122 UUID");
        } else if (!m.group(1).equals("4") && !m.group(1).equals("5")) {
            problem(where, property, "UUID version " + m.group(1) + "; STIX ids use version 4 (random) or 5 (name-based)");
        } else if ("89ab".indexOf(m.group(2).charAt(0)) < 0) {
            problem(where, property, "UUID variant is not RFC 4122");
        }
    }

    private void require(JsonNode o, String where, String property) {
        JsonNode v = o.get(property);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty()) || (v.isArray() && v.isEmpty())) {
            problem(where, property, "required property missing");
        }
    }

    private void timestamp(String where, String property, JsonNode value) {
        Optional<Instant> t = instant(value);
        if (t.isEmpty()) problem(where, property, "\"" + value.asText() + "\" is not an RFC 3339 timestamp in UTC ending in Z");
    }

    private static Optional<Instant> instant(JsonNode value) {
        if (value == null || !value.isTextual() || !TIMESTAMP.matcher(value.asText()).matches()) return Optional.empty();
        try {
            return Optional.of(Instant.parse(value.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void order(JsonNode o, String where, String first, String second, String message) {
        Optional<Instant> a = instant(o.get(first));
        Optional<Instant> b = instant(o.get(second));
        if (a.isPresent() && b.isPresent() && a.get().isAfter(b.get())) problem(where, first, message);
    }

    /** Every *_ref and *_refs at any depth: well formed, resolved, and of an allowed type. */
    private void references(String where, JsonNode node, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            String property = path.isEmpty() ? name : path + "." + name;
            JsonNode v = e.getValue();
            if (name.endsWith("_ref")) {
                if (!v.isTextual()) problem(where, property, "a reference is an identifier string");
                else reference(where, property, name, v.asText());
            } else if (name.endsWith("_refs")) {
                if (!v.isArray()) problem(where, property, "a list of references is a JSON list");
                else for (JsonNode r : v) {
                    if (!r.isTextual()) problem(where, property, "a reference is an identifier string");
                    else reference(where, property, name, r.asText());
                }
            } else if (v.isObject()) {
                references(where, v, property);
            } else if (v.isArray()) {
                for (JsonNode element : v) if (element.isObject()) references(where, element, property);
            }
        }
    }

    private void reference(String where, String property, String name, String target) {
        int sep = target.indexOf("--");
        if (sep < 0 || !UUID.matcher(target.substring(sep + 2)).matches()) {
            problem(where, property, "\"" + target + "\" is not an identifier");
            return;
        }
        String targetType = types.get(target);
        if (targetType == null) {
            if (Tlp.fromStixId(target).isPresent()) targetType = "marking-definition";
            else {
                problem(where, property, "\"" + target + "\" is not in the bundle" + (target.startsWith("marking-definition--")
                        ? " and is not a TLP marking" : ""));
                return;
            }
        }
        Set<String> allowed = StixTypes.REF_TARGETS.get(name);
        if (allowed != null && !allowed.contains(targetType)) {
            problem(where, property, "points to a " + targetType + "; it must point to " + String.join(" or ", allowed));
        }
        if (name.equals("sighting_of_ref") && StixTypes.category(targetType) != StixTypes.Category.SDO) {
            problem(where, property, "points to a " + targetType + "; a sighting is of an SDO");
        }
    }

    private void malware(JsonNode o, String where) {
        JsonNode family = o.get("is_family");
        if (family == null) return;
        if (!family.isBoolean()) problem(where, "is_family", "must be true or false");
        else if (family.asBoolean()) require(o, where, "name");
    }

    private void sighting(JsonNode o, String where) {
        order(o, where, "first_seen", "last_seen", "must not be later than last_seen");
        JsonNode count = o.get("count");
        if (count != null && (!count.isIntegralNumber() || count.asLong() < 0 || count.asLong() > 999_999_999)) {
            problem(where, "count", "must be an integer from 0 to 999999999");
        }
    }

    /** A TLP marking must say the level its fixed id stands for; any other needs a definition or an extension. */
    private void marking(JsonNode o, String id, String where) {
        Optional<Tlp> fixed = Tlp.fromStixId(id);
        if (fixed.isPresent()) {
            Tlp tlp = fixed.get();
            String stated = o.path("extensions").path(Tlp.TLP2_EXTENSION_ID).path("tlp_2_0").asText(null);
            if (stated == null) stated = o.path("definition").path("tlp").asText(null);
            if (stated != null && Tlp.parse(stated).filter(tlp::equals).isEmpty()) {
                problem(where, "extensions", "says TLP \"" + stated + "\" but the id is that of " + tlp.label());
            }
            return;
        }
        boolean defined = o.has("definition_type") && o.has("definition");
        if (!defined && !o.path("extensions").isObject()) problem(where, "definition", "a marking needs definition_type and definition, or an extension");
    }

    private static boolean declaresNewObject(JsonNode o) {
        for (JsonNode ext : o.path("extensions")) {
            if (ext.path("extension_type").asText("").startsWith("new-")) return true;
        }
        return false;
    }
}
