package org.cotejo.indicators.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.IndicatedThreat;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.core.observable.Observable;

/**
 * One MISP event, read field by field as the JSON streams past: attributes and objects one at a
 * time, so an event with a million attributes never sits in memory as a tree. The event's uuid,
 * info and tags may come after its attributes, so attributes wait as small records until the end.
 *
 * <p>Attributes with {@code to_ids: false} are skipped unless {@link FeedReader#includeNonIds}: MISP
 * uses the flag to say "context, not for detection" (the victim's own address, a researcher's link).
 */
final class MispEvent {
    private static final Pattern GALAXY_TAG = Pattern.compile("misp-galaxy:([^=]+)=\"(.*)\"");

    private record Pending(String uuid, String type, String category, String value, boolean toIds, boolean deleted,
                           String objectName, String objectUuid, String relation, int line, List<String> levels, List<String> objectLevels) {}

    private final FeedLoad load;
    private final ObjectMapper mapper;
    private final List<Pending> attributes = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<JsonNode> galaxies = new ArrayList<>();
    private String uuid;
    private String id;
    private String info;

    MispEvent(FeedLoad load, ObjectMapper mapper) {
        this.load = load;
        this.mapper = mapper;
    }

    /** Reads a whole {@code {...}} event object; the parser stands on its START_OBJECT. */
    void readObject(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw JsonFeedReader.unexpected(load.file, p, "a MISP Event object");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (!field(name, p)) p.skipChildren();
        }
    }

    /** Consumes the value of one event field if it is one we read; the parser stands on the value. */
    boolean field(String name, JsonParser p) throws IOException {
        switch (name) {
            case "uuid" -> uuid = scalar(p);
            case "id" -> id = scalar(p);
            case "info" -> info = scalar(p);
            case "Attribute" -> eachElement(p, (node, line) -> attribute(node, null, null, line, List.of()));
            case "Object" -> eachElement(p, this::object);
            case "Tag" -> eachElement(p, (node, line) -> tags.add(node.path("name").asText("")));
            case "Galaxy" -> eachElement(p, (node, line) -> galaxies.add(node));
            default -> { return false; }
        }
        return true;
    }

    private interface NodeHandler {
        void handle(JsonNode node, int line) throws IOException;
    }

    private void eachElement(JsonParser p, NodeHandler handler) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return;
        if (p.currentToken() != JsonToken.START_ARRAY) throw JsonFeedReader.unexpected(load.file, p, "a list");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int line = p.currentTokenLocation().getLineNr();
            if (p.currentToken() != JsonToken.START_OBJECT) throw JsonFeedReader.unexpected(load.file, p, "an object in the list");
            handler.handle(mapper.readTree(p), line);
        }
    }

    private String scalar(JsonParser p) throws IOException {
        if (!p.currentToken().isScalarValue()) throw JsonFeedReader.unexpected(load.file, p, "a string");
        return p.getValueAsString();
    }

    private void object(JsonNode object, int line) {
        String name = object.path("name").asText("object");
        String objectUuid = object.path("uuid").asText("");
        List<String> objectLevels = levelTags(object);
        for (JsonNode a : object.path("Attribute")) attribute(a, name, objectUuid, line, objectLevels);
    }

    /** The values of the cotejo:evidence-level tags of an attribute or object, in tag order. */
    private static List<String> levelTags(JsonNode node) {
        List<String> levels = new ArrayList<>();
        for (JsonNode tag : node.path("Tag")) {
            String level = LevelHints.fromTag(tag.path("name").asText(""));
            if (level != null) levels.add(level);
        }
        return levels;
    }

    private void attribute(JsonNode a, String objectName, String objectUuid, int line, List<String> objectLevels) {
        attributes.add(new Pending(a.path("uuid").asText(""), a.path("type").asText(""), a.path("category").asText(""),
                a.path("value").isValueNode() ? a.path("value").asText() : "", flag(a.get("to_ids"), true),
                flag(a.get("deleted"), false), objectName, objectUuid, a.path("object_relation").asText(null), line,
                levelTags(a), objectLevels));
    }

    /** MISP writes flags as true, 1, "1" or "true" depending on its version and the export path. */
    private static boolean flag(JsonNode v, boolean absent) {
        if (v == null || v.isNull()) return absent;
        String s = v.asText().strip().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("1");
    }

    /** Adds the event's collection and indicators to the load. */
    void finish(int index) {
        String eventId = uuid != null && !uuid.isBlank() ? uuid : id != null ? "event " + id : "event #" + index;
        String eventLabel = "Event " + eventId;
        List<String> eventLevels = new ArrayList<>();
        for (String tag : tags) if (LevelHints.fromTag(tag) != null) eventLevels.add(LevelHints.fromTag(tag));
        Collection collection = new Collection(eventId, info == null || info.isBlank() ? eventLabel : info, "",
                load.file, load.sha256, tlp(), threat(), load.retrieved, level(eventLevels, eventLabel + " Tag"));
        List<Indicator> indicators = new ArrayList<>();
        int appNames = 0;
        for (int i = 0; i < attributes.size(); i++) {
            Pending a = attributes.get(i);
            String attributeId = a.uuid().isEmpty() ? eventId + "/attribute " + (i + 1) : a.uuid();
            String where = eventLabel + (a.objectName() == null ? "" : " Object " + a.objectName() + " " + a.objectUuid())
                    + " Attribute " + attributeId + (a.line() > 0 ? " (line " + a.line() + ")" : "");
            MispTypes.Mapped mapped = a.objectName() == null ? MispTypes.map(a.type(), a.category(), a.value())
                    : MispTypes.mapInObject(a.objectName(), a.relation(), a.type(), a.category(), a.value());
            if (a.deleted()) {
                load.skip(where, "the attribute is marked deleted");
                continue;
            }
            if (mapped.appName()) {
                appNames++;
                continue;
            }
            if (mapped.skipReason() != null) {
                load.skip(where, mapped.skipReason());
                continue;
            }
            boolean textRelation = mapped.relationMapped() && a.type().equals("text");
            if (!a.toIds() && !textRelation && !load.options.isIncludeNonIds()) {
                load.skip(where, "to_ids is false: MISP marks it as not for detection");
                continue;
            }
            List<Observable> values = new ArrayList<>();
            for (MispTypes.Typed t : mapped.values()) load.normalise(t.type(), t.raw(), where).ifPresent(values::add);
            // The nearest statement wins: the attribute's own tag, else its object's, else the event's (on the collection).
            String levelHint = !a.levels().isEmpty() ? level(a.levels(), where) : level(a.objectLevels(), where);
            for (int v = 0; v < values.size(); v++) {
                String indicatorId = mapped.values().size() == 1 ? attributeId : attributeId + "#" + (v + 1);
                indicators.add(new Indicator(indicatorId, values.get(v), collection, where, levelHint));
            }
        }
        if (appNames > 0) load.note(eventLabel + ": " + appNames + " android-app 'name' attributes read as app names, not indicators");
        load.addCollection(collection);
        indicators.forEach(load::addIndicator);
    }

    /** The level the tags of one element state: the first; a different one after it is skipped as a conflict. */
    private String level(List<String> levels, String where) {
        if (levels.isEmpty()) return "";
        String first = load.levelHint(levels.get(0), where);
        for (String other : levels.subList(1, levels.size())) {
            if (!LevelHints.canonical(other).orElse(other).equals(first)) {
                load.skip(where, "tag cotejo:evidence-level=\"" + FeedLoad.printable(other) + "\" contradicts the first such tag"
                        + (first.isEmpty() ? "" : " (" + first + ")") + ", which is used");
            }
        }
        return first;
    }

    private Tlp tlp() {
        Tlp strictest = null;
        for (String tag : tags) {
            if (!tag.regionMatches(true, 0, "tlp:", 0, 4)) continue;
            Optional<Tlp> t = Tlp.parse(tag);
            if (t.isPresent() && (strictest == null || t.get().ordinal() > strictest.ordinal())) strictest = t.get();
        }
        return strictest;
    }

    /** The first cluster of a threat galaxy, else the first {@code misp-galaxy:…="Name"} tag of one. */
    private IndicatedThreat threat() {
        for (JsonNode galaxy : galaxies) {
            String kind = kindOfGalaxy(galaxy.path("type").asText(""));
            JsonNode clusters = galaxy.path("GalaxyCluster");
            if (kind != null && clusters.size() > 0 && !clusters.get(0).path("value").asText("").isBlank()) {
                return new IndicatedThreat(kind, clusters.get(0).path("value").asText());
            }
        }
        for (String tag : tags) {
            Matcher m = GALAXY_TAG.matcher(tag);
            if (m.matches() && kindOfGalaxy(m.group(1)) != null) return new IndicatedThreat(kindOfGalaxy(m.group(1)), m.group(2));
        }
        return null;
    }

    /** STIX type for a MISP galaxy type, or null for galaxies that do not name a threat (sectors, countries…). */
    static String kindOfGalaxy(String galaxyType) {
        String g = galaxyType.toLowerCase(Locale.ROOT);
        if (g.endsWith("intrusion-set")) return "intrusion-set";
        if (g.contains("threat-actor")) return "threat-actor";
        if (g.endsWith("tool")) return "tool";
        if (g.endsWith("campaign")) return "campaign";
        if (g.endsWith("infrastructure")) return "infrastructure";
        if (g.contains("malware") || g.equals("malpedia") || g.equals("android") || g.equals("rat") || g.equals("backdoor")
                || g.equals("ransomware") || g.equals("stealer") || g.equals("banker")) return "malware";
        return null;
    }
}
