package org.cotejo.indicators.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.IndicatedThreat;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.ObservableType;

/**
 * Writes indicators as a MISP JSON export, {@code {"response": [{"Event": …}, …]}}, one event per
 * collection: {@code info} is the collection's name, a {@code tlp:…} tag its marking, a galaxy
 * cluster the threat it indicates. Values MISP has an attribute type for are attributes with
 * {@code to_ids: true}; the others go in objects: process names in {@code process}, app ids and
 * certificate hashes in {@code android-app} (as Echap's feed does), configuration-profile ids and
 * Android properties in a {@code cotejo-indicator} object whose relation is the Cotejo type key.
 *
 * <p>Deterministic: event uuids are the collection's id when it is a UUID (a MISP event read back),
 * else UUIDv5 over the collection; attribute uuids are UUIDv5 over event, type and value.
 */
public final class MispWriter {
    /** Object template Cotejo uses for values MISP has no type or template for. */
    static final String OBJECT_NAME = "cotejo-indicator";

    private final ObjectMapper mapper = new ObjectMapper();

    public byte[] toBytes(List<Indicator> indicators) {
        Map<Collection, Map<String, Indicator>> byCollection = new LinkedHashMap<>();
        for (Indicator i : indicators) {
            byCollection.computeIfAbsent(i.collection(), c -> new LinkedHashMap<>())
                    .putIfAbsent(i.value().type().key() + "|" + i.value().value(), i);
        }
        ObjectNode root = mapper.createObjectNode();
        ArrayNode response = root.putArray("response");
        byCollection.forEach((c, values) -> response.addObject().set("Event", event(c, List.copyOf(values.values()))));
        return JsonBytes.of(mapper, root);
    }

    public void write(List<Indicator> indicators, OutputStream out) throws IOException {
        out.write(toBytes(indicators));
    }

    private ObjectNode event(Collection c, List<Indicator> indicators) {
        String uuid = isUuid(c.id()) ? c.id() : NameBasedUuid.of("misp-event|" + c.id() + "|" + c.name());
        ObjectNode e = mapper.createObjectNode();
        e.put("uuid", uuid);
        e.put("info", c.name());
        e.put("threat_level_id", "4");
        e.put("analysis", "2");
        e.put("distribution", "0");
        ArrayNode tags = e.putArray("Tag");
        if (c.tlp() != null) tags.addObject().put("name", c.tlp().label().toLowerCase(Locale.ROOT));
        if (!c.levelHint().isEmpty()) tags.addObject().put("name", LevelHints.tag(c.levelHint()));
        IndicatedThreat threat = c.indicates();
        if (threat != null) {
            String galaxy = galaxyType(threat.kind());
            tags.addObject().put("name", "misp-galaxy:" + galaxy + "=\"" + threat.name() + "\"");
            ObjectNode g = e.putArray("Galaxy").addObject();
            g.put("type", galaxy);
            g.put("name", threat.kind());
            ObjectNode cluster = g.putArray("GalaxyCluster").addObject();
            cluster.put("type", galaxy);
            cluster.put("value", threat.name());
        }
        ArrayNode attributes = e.putArray("Attribute");
        ArrayNode objects = e.putArray("Object");
        for (Indicator i : indicators) {
            ObservableType type = i.value().type();
            String value = i.value().value();
            String attributeUuid = NameBasedUuid.of("misp-attribute|" + uuid + "|" + type.key() + "|" + value);
            Placement p = placement(type, value);
            if (!p.inObject()) {
                attributes.add(attribute(attributeUuid, p.type(), p.category(), value, null, i.levelHint()));
                continue;
            }
            ObjectNode o = objects.addObject();
            o.put("name", p.objectName());
            o.put("uuid", NameBasedUuid.of("misp-object|" + attributeUuid));
            o.putArray("Attribute").add(attribute(attributeUuid, p.type(), p.category(), value, p.relation(), i.levelHint()));
        }
        return e;
    }

    private ObjectNode attribute(String uuid, String type, String category, String value, String relation, String levelHint) {
        ObjectNode a = mapper.createObjectNode();
        a.put("uuid", uuid);
        if (relation != null) a.put("object_relation", relation);
        a.put("type", type);
        a.put("category", category);
        a.put("value", value);
        a.put("to_ids", true);
        if (!levelHint.isEmpty()) a.putArray("Tag").addObject().put("name", LevelHints.tag(levelHint));
        return a;
    }

    /**
     * Where a value goes in a MISP event: a plain attribute ({@code objectName} null) or an attribute
     * with a relation inside an object of that template, so that {@link FeedReader} reads it back as
     * the same type.
     */
    public record Placement(String objectName, String relation, String type, String category) {
        public boolean inObject() {
            return objectName != null;
        }
    }

    /** The placement Cotejo writes for a value of this type. */
    public static Placement placement(ObservableType type, String value) {
        String mispType = MispTypes.typeFor(type, value);
        // MISP's 'filename' is read back as a path when it has a separator; keep the type exact otherwise.
        boolean looksLikePath = value.contains("/") || value.contains("\\");
        if ((type == ObservableType.FILE_NAME && looksLikePath) || (type == ObservableType.FILE_PATH && !looksLikePath)) mispType = null;
        String category = MispTypes.categoryFor(type);
        if (mispType != null) return new Placement(null, null, mispType, category);
        String[] template = objectTemplate(type, value);
        return new Placement(template[0], template[1], template[2], category);
    }

    /** {object name, relation, attribute type} for a value that has no MISP attribute type of its own. */
    private static String[] objectTemplate(ObservableType type, String value) {
        return switch (type) {
            case PROCESS_NAME -> new String[] {"process", "name", "text"};
            case APP_ID -> new String[] {"android-app", "appid", "text"};
            case JA4 -> new String[] {"ja4-plus", "ja4-fingerprint", "text"};
            case APP_CERT_HASH -> new String[] {"android-app", "certificate",
                    value.length() == 32 ? "md5" : value.length() == 40 ? "sha1" : "sha256"};
            default -> new String[] {OBJECT_NAME, type.key(), "text"};
        };
    }

    private static String galaxyType(String kind) {
        return switch (kind) {
            case "malware" -> "mitre-malware";
            case "intrusion-set" -> "mitre-intrusion-set";
            case "tool" -> "mitre-tool";
            case "threat-actor" -> "threat-actor";
            default -> "cotejo-" + kind;
        };
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equals(s.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
