package org.cotejo.indicators.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.IndicatedThreat;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.core.observable.ObservableType;

/**
 * Writes indicators as a STIX 2.1 bundle that {@link FeedReader} (and MVT) read back to the same
 * collections, threats and values. Per collection: the threat it indicates as an SDO ({@code malware},
 * {@code intrusion-set}, …), a {@code grouping} named after the collection when its name is not the
 * threat's (or it has no threat), one {@code indicator} per value with an {@code indicates}
 * relationship to the threat, and the TLP 2.0 marking objects used.
 *
 * <p>Output is deterministic: ids are name-based UUIDv5 ({@link NameBasedUuid}) over collection,
 * type and value; timestamps are the one given to the constructor; order follows the input.
 */
public final class StixWriter {
    private static final DateTimeFormatter STIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String timestamp;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param created the {@code created}, {@code modified} and {@code valid_from} of every object written */
    public StixWriter(Instant created) {
        this.timestamp = STIX_TIME.format(Objects.requireNonNull(created, "created"));
    }

    public byte[] toBytes(List<Indicator> indicators) {
        return JsonBytes.of(mapper, bundle(indicators));
    }

    public void write(List<Indicator> indicators, OutputStream out) throws IOException {
        out.write(toBytes(indicators));
    }

    private ObjectNode bundle(List<Indicator> indicators) {
        Map<Collection, Map<String, Indicator>> byCollection = new LinkedHashMap<>();
        Set<Tlp> levels = new TreeSet<>();
        for (Indicator i : indicators) {
            byCollection.computeIfAbsent(i.collection(), c -> new LinkedHashMap<>())
                    .putIfAbsent(i.value().type().key() + "|" + i.value().value(), i);
            if (i.collection().tlp() != null) levels.add(i.collection().tlp());
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (Tlp level : levels) objects.add(marking(level));
        Set<String> written = new LinkedHashSet<>();
        for (var entry : byCollection.entrySet()) {
            Collection c = entry.getKey();
            IndicatedThreat threat = c.indicates();
            String threatId = threat == null ? null : threat.kind() + "--" + NameBasedUuid.of("sdo|" + threat.kind() + "|" + threat.name());
            boolean threatIsCollection = threat != null && threat.name().equals(c.name());
            if (threatId != null && written.add(threatId)) objects.add(threatSdo(threat, threatId, threatIsCollection ? c : null));
            List<String> indicatorIds = new ArrayList<>();
            List<ObjectNode> members = new ArrayList<>();
            for (Indicator i : entry.getValue().values()) {
                String id = "indicator--" + NameBasedUuid.of("indicator|" + c.id() + "|" + i.value().type().key() + "|" + i.value().value());
                indicatorIds.add(id);
                members.add(indicator(id, i, c));
                if (threatId != null) members.add(relationship(id, threatId));
            }
            if (!threatIsCollection) objects.add(grouping(c, threatId, indicatorIds));
            objects.addAll(members);
        }
        ObjectNode bundle = mapper.createObjectNode();
        bundle.put("type", "bundle");
        StringBuilder ids = new StringBuilder();
        objects.forEach(o -> ids.append(o.path("id").asText()).append('\n'));
        bundle.put("id", "bundle--" + NameBasedUuid.of("bundle|" + ids));
        bundle.putArray("objects").addAll(objects);
        return bundle;
    }

    private ObjectNode common(String type, String id) {
        ObjectNode o = mapper.createObjectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", timestamp);
        o.put("modified", timestamp);
        return o;
    }

    private ObjectNode threatSdo(IndicatedThreat threat, String id, Collection sameAs) {
        ObjectNode o = common(threat.kind(), id);
        o.put("name", threat.name());
        if (sameAs != null && !sameAs.description().isEmpty()) o.put("description", sameAs.description());
        // One sample or family we know only by name: STIX requires the flag, and we cannot vouch for "family".
        if (threat.kind().equals("malware")) o.put("is_family", false);
        if (sameAs != null) collectionDetails(o, sameAs);
        return o;
    }

    private ObjectNode grouping(Collection c, String threatId, List<String> indicatorIds) {
        ObjectNode o = common("grouping", "grouping--" + NameBasedUuid.of("grouping|" + c.id() + "|" + c.name()));
        o.put("name", c.name());
        if (!c.description().isEmpty()) o.put("description", c.description());
        o.put("context", "suspicious-activity");
        ArrayNode refs = o.putArray("object_refs");
        if (threatId != null) refs.add(threatId);
        indicatorIds.forEach(refs::add);
        collectionDetails(o, c);
        return o;
    }

    private void collectionDetails(ObjectNode o, Collection c) {
        if (c.tlp() != null) o.putArray("object_marking_refs").add(c.tlp().stixTlp2Id());
        ObjectNode source = o.putObject("x_cotejo_source");
        source.put("file", c.sourceFile());
        source.put("sha256", c.sourceSha256());
    }

    private ObjectNode indicator(String id, Indicator i, Collection c) {
        ObjectNode o = common("indicator", id);
        String value = i.value().value();
        o.put("pattern", pattern(i.value().type(), value));
        o.put("pattern_type", "stix");
        o.put("pattern_version", "2.1");
        o.put("valid_from", timestamp);
        o.putArray("indicator_types").add("malicious-activity");
        if (c.tlp() != null) o.putArray("object_marking_refs").add(c.tlp().stixTlp2Id());
        // The collection's level goes on each indicator: the reader takes a bundle-wide level only from a report.
        if (!i.statedLevel().isEmpty()) o.put(LevelHints.STIX_PROPERTY, i.statedLevel());
        return o;
    }

    private ObjectNode relationship(String indicatorId, String threatId) {
        ObjectNode o = common("relationship", "relationship--" + NameBasedUuid.of("indicates|" + indicatorId + "|" + threatId));
        o.put("relationship_type", "indicates");
        o.put("source_ref", indicatorId);
        o.put("target_ref", threatId);
        return o;
    }

    /** The OASIS TLP 2.0 marking object; its id, created time and extension are fixed by the standard. */
    public static ObjectNode marking(Tlp level) {
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("type", "marking-definition");
        o.put("spec_version", "2.1");
        o.put("id", level.stixTlp2Id());
        o.put("created", Tlp.TLP2_CREATED);
        o.put("name", level.label());
        ObjectNode ext = o.putObject("extensions").putObject(Tlp.TLP2_EXTENSION_ID);
        ext.put("extension_type", "property-extension");
        ext.put("tlp_2_0", level.tlp2Name());
        return o;
    }

    /** The single-comparison pattern Cotejo writes for a value, e.g. {@code [domain-name:value = 'evil.example']}. */
    public static String pattern(ObservableType type, String value) {
        return "[" + StixPaths.pathFor(type, value) + " = '" + escape(value) + "']";
    }

    /** STIX string literals escape only the backslash and the quote. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
