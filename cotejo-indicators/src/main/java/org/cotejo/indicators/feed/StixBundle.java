package org.cotejo.indicators.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.IndicatedThreat;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;

/**
 * The objects of one STIX 2.1 bundle, taken one at a time as the JSON streams past, then turned into
 * collections and indicators. Assignment of an indicator to a collection, in order of precedence:
 * the first {@code report}/{@code grouping} whose {@code object_refs} lists it; else the target of
 * its first {@code indicates} relationship; else a default collection named after the file.
 * (MVT lets the last report win and follows relationships only to malware; we take the first in
 * file order and accept every threat type, so the outcome does not depend on object order quirks.)
 */
final class StixBundle {
    static final Set<String> THREAT_TYPES = Set.of("malware", "intrusion-set", "campaign", "threat-actor", "tool", "infrastructure");
    private static final Set<String> CONTAINER_TYPES = Set.of("report", "grouping");

    private record PendingIndicator(String id, String location, String pattern, List<String> markings, String levelHint) {}

    private record Sdo(String id, String type, String name, String description, List<String> markings, List<String> objectRefs) {}

    private final FeedLoad load;
    private final List<PendingIndicator> indicators = new ArrayList<>();
    private final Map<String, Sdo> sdos = new LinkedHashMap<>();
    private final Map<String, String> indicatesTarget = new HashMap<>();
    private final Map<String, String> containerOf = new HashMap<>();
    private final Map<String, Tlp> markingDefinitions = new HashMap<>();
    private final Map<String, Integer> ignoredTypes = new TreeMap<>();
    /** The level a report states for the whole bundle (the first report that states one), or "". */
    private String bundleLevel = "";
    private String bundleLevelFrom;

    StixBundle(FeedLoad load) {
        this.load = load;
    }

    /** Takes one object of the bundle's {@code objects} array; {@code line} is where it starts. */
    void accept(JsonNode object, int line) {
        if (!object.isObject()) throw error(line, "an entry of 'objects' is not a JSON object");
        String type = text(object, "type", line, null);
        if (type == null) throw error(line, "an object has no 'type'");
        String id = text(object, "id", line, type);
        if (id == null) throw error(line, "a " + type + " object has no 'id'");
        String where = "object " + id + " (line " + line + ")";
        switch (type) {
            case "indicator" -> indicator(object, id, where, line);
            case "relationship" -> {
                String relationship = text(object, "relationship_type", line, id);
                String source = text(object, "source_ref", line, id);
                String target = text(object, "target_ref", line, id);
                if ("indicates".equals(relationship) && source != null && target != null) indicatesTarget.putIfAbsent(source, target);
            }
            case "marking-definition" -> tlpOf(object).ifPresent(tlp -> markingDefinitions.put(id, tlp));
            default -> {
                if (THREAT_TYPES.contains(type) || CONTAINER_TYPES.contains(type)) sdo(object, id, type, line);
                else ignoredTypes.merge(type, 1, Integer::sum);
            }
        }
    }

    private void indicator(JsonNode object, String id, String where, int line) {
        String pattern = text(object, "pattern", line, id);
        if (pattern == null) throw error(line, "indicator " + id + " has no 'pattern'");
        String patternType = text(object, "pattern_type", line, id);
        if (patternType != null && !patternType.equals("stix")) {
            load.skip(where, "pattern_type '" + patternType + "' is not STIX patterning, which is all Cotejo reads");
            return;
        }
        indicators.add(new PendingIndicator(id, where, pattern, strings(object, "object_marking_refs", line, id),
                levelProperty(object, where)));
    }

    private void sdo(JsonNode object, String id, String type, int line) {
        if (object.has(LevelHints.STIX_PROPERTY)) bundleLevel(object, type, "object " + id + " (line " + line + ")");
        String name = text(object, "name", line, id);
        // Some feeds put a list of paragraphs in 'description'; it is free text, so join rather than reject.
        JsonNode d = object.get("description");
        String description = d == null ? "" : d.isTextual() ? d.asText()
                : d.isArray() ? String.join("\n", strings(object, "description", line, id)) : "";
        List<String> refs = strings(object, "object_refs", line, id);
        Sdo sdo = new Sdo(id, type, name == null ? id : name, description, strings(object, "object_marking_refs", line, id), refs);
        sdos.putIfAbsent(id, sdo);
        if (CONTAINER_TYPES.contains(type)) for (String ref : refs) containerOf.putIfAbsent(ref, id);
    }

    /** TLP of a marking-definition object: TLP 1.0 ({@code definition.tlp}) or 2.0 (extension, or name "TLP:AMBER"). */
    private static Optional<Tlp> tlpOf(JsonNode object) {
        Optional<Tlp> fixed = Tlp.fromStixId(object.path("id").asText());
        if (fixed.isPresent()) return fixed;
        if ("tlp".equals(object.path("definition_type").asText())) return Tlp.parse(object.path("definition").path("tlp").asText(null));
        JsonNode extension = object.path("extensions").path(Tlp.TLP2_EXTENSION_ID);
        if (extension.has("tlp_2_0")) return Tlp.parse(extension.path("tlp_2_0").asText());
        String name = object.path("name").asText("");
        return name.regionMatches(true, 0, "TLP:", 0, 4) ? Tlp.parse(name) : Optional.empty();
    }

    /** Builds the collections and indicators, in file order, into the load. */
    void finish() {
        Map<String, Collection> collections = new LinkedHashMap<>();
        Map<String, Tlp> indicatorTlp = new HashMap<>();
        record Built(String id, Observable value, String collectionId, String location, String levelHint) {}
        List<Built> built = new ArrayList<>();
        for (PendingIndicator pending : indicators) {
            List<Observable> values = values(pending);
            if (values.isEmpty()) continue;
            String collectionId = collectionIdFor(pending.id());
            collections.computeIfAbsent(collectionId, this::collection);
            Tlp marking = tlp(pending.markings());
            if (marking != null) indicatorTlp.merge(collectionId, marking, (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
            for (int i = 0; i < values.size(); i++) {
                String id = values.size() == 1 ? pending.id() : pending.id() + "#" + (i + 1);
                built.add(new Built(id, values.get(i), collectionId, pending.location(), pending.levelHint()));
            }
        }
        // A collection object without a marking takes the strictest marking of its indicators:
        // a feed that marks every indicator AMBER must not come out unmarked.
        indicatorTlp.forEach((id, marking) -> collections.computeIfPresent(id, (k, c) -> c.tlp() == null ? c.withTlp(marking) : c));
        // Collections in the order their objects stand in the file; the default one comes last.
        for (String id : sdos.keySet()) if (collections.containsKey(id)) load.addCollection(collections.get(id));
        if (collections.containsKey(defaultId())) load.addCollection(collections.get(defaultId()));
        for (Built b : built) load.addIndicator(new Indicator(b.id(), b.value(), collections.get(b.collectionId()), b.location(), b.levelHint()));
        if (!ignoredTypes.isEmpty()) {
            StringBuilder b = new StringBuilder("ignored objects that carry no indicators or collections:");
            ignoredTypes.forEach((type, n) -> b.append(' ').append(type).append(" (").append(n).append(')'));
            load.note(b.toString());
        }
    }

    private List<Observable> values(PendingIndicator pending) {
        StixPattern pattern;
        List<StixPattern.Comparison> comparisons;
        try {
            pattern = StixPattern.parse(pending.pattern());
            comparisons = pattern.singleValues();
        } catch (StixPattern.SyntaxException e) {
            load.skip(pending.location(), "pattern \"" + FeedLoad.printable(pending.pattern()) + "\" is not valid STIX patterning: " + e.getMessage());
            return List.of();
        } catch (StixPattern.UnsupportedShape e) {
            load.skip(pending.location(), "pattern \"" + FeedLoad.printable(pending.pattern()) + "\" uses " + e.getMessage()
                    + ", which Cotejo cannot evaluate as a single value");
            return List.of();
        }
        List<Observable> out = new ArrayList<>();
        for (StixPattern.Comparison c : comparisons) {
            String value = c.value().text();
            Optional<ObservableType> type = StixPaths.typeOf(c.path(), value);
            if (type.isEmpty()) {
                load.skip(pending.location(), "unsupported STIX object path '" + c.path() + "'");
                continue;
            }
            load.normalise(type.get(), value, pending.location()).ifPresent(out::add);
        }
        return out;
    }

    private String collectionIdFor(String indicatorId) {
        String container = containerOf.get(indicatorId);
        if (container != null) return container;
        String target = indicatesTarget.get(indicatorId);
        if (target != null && sdos.containsKey(target) && THREAT_TYPES.contains(sdos.get(target).type())) return target;
        return defaultId();
    }

    private String defaultId() {
        return "default:" + load.file;
    }

    private Collection collection(String id) {
        return unlevelledCollection(id).withLevelHint(bundleLevel);
    }

    private Collection unlevelledCollection(String id) {
        Sdo sdo = sdos.get(id);
        if (sdo == null) {
            String name = FeedReader.baseName(load.file);
            return new Collection(id, name, "indicators of " + name + " not assigned to a malware, report or other collection",
                    load.file, load.sha256, null, null, load.retrieved);
        }
        IndicatedThreat threat = THREAT_TYPES.contains(sdo.type()) ? new IndicatedThreat(sdo.type(), sdo.name()) : containedThreat(sdo);
        return new Collection(id, sdo.name(), sdo.description(), load.file, load.sha256, tlp(sdo.markings()), threat,
                load.retrieved);
    }

    /** What a report or grouping is about: the first threat among its object_refs, malware preferred. */
    private IndicatedThreat containedThreat(Sdo container) {
        Sdo found = null;
        for (String ref : container.objectRefs()) {
            Sdo s = sdos.get(ref);
            if (s == null || !THREAT_TYPES.contains(s.type())) continue;
            if (s.type().equals("malware")) return new IndicatedThreat(s.type(), s.name());
            if (found == null) found = s;
        }
        return found == null ? null : new IndicatedThreat(found.type(), found.name());
    }

    private Tlp tlp(List<String> markings) {
        Tlp strictest = null;
        for (String ref : markings) {
            Tlp t = Tlp.fromStixId(ref).orElse(markingDefinitions.get(ref));
            if (t != null && (strictest == null || t.ordinal() > strictest.ordinal())) strictest = t;
        }
        return strictest;
    }

    /** The canonical level an indicator states for itself, or "" (with a skip when it states something else). */
    private String levelProperty(JsonNode object, String where) {
        JsonNode v = object.get(LevelHints.STIX_PROPERTY);
        if (v == null || v.isNull()) return "";
        if (!v.isTextual()) {
            load.skip(where, LevelHints.STIX_PROPERTY + " must be a string, found " + kind(v) + "; loaded without a level hint");
            return "";
        }
        return load.levelHint(v.asText(), where);
    }

    /*
     * Kept simple on purpose: a level on a report applies to every indicator of the bundle (a feed file
     * is usually one report). A level on any other object is not read, and the skip says so rather than
     * let a feed author believe it was.
     */
    private void bundleLevel(JsonNode object, String type, String where) {
        if (!type.equals("report")) {
            load.skip(where, LevelHints.STIX_PROPERTY + " is read on indicators and on a report, not on a " + type + "; ignored");
            return;
        }
        String level = levelProperty(object, where);
        if (level.isEmpty()) return;
        if (bundleLevelFrom == null) {
            bundleLevel = level;
            bundleLevelFrom = where;
        } else if (!bundleLevel.equals(level)) {
            load.skip(where, "states evidence level " + level + " for the bundle, but " + bundleLevelFrom + " already states " + bundleLevel
                    + "; the first is used");
        }
    }

    private CotejoException error(int line, String message) {
        return new CotejoException("STIX feed " + load.file + ", line " + line + ": " + message);
    }

    private String text(JsonNode object, String field, int line, String id) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw error(line, (id == null ? "" : id + ": ") + "'" + field + "' must be a string, found " + kind(v));
        return v.asText();
    }

    private List<String> strings(JsonNode object, String field, int line, String id) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw error(line, id + ": '" + field + "' must be a list of strings, found " + kind(v));
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) throw error(line, id + ": '" + field + "' must be a list of strings, found a list holding " + kind(e));
            out.add(e.asText());
        }
        return out;
    }

    static String kind(JsonNode v) {
        return v.isNumber() ? "a number" : v.isBoolean() ? "a boolean" : v.isArray() ? "a list" : v.isObject() ? "an object" : "null";
    }
}
