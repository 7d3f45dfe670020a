package org.cotejo.report.misp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.cluster.ClusterItem;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.indicators.feed.MispWriter;
import org.cotejo.indicators.feed.NameBasedUuid;
import org.cotejo.report.model.Report;
import org.cotejo.report.stix.HypothesisConfidence;

/**
 * The single-source hypotheses as MISP objects named {@code cotejo-hypothesis}: per cluster its name,
 * cluster id, the pseudonyms of its devices, the verbal support and confidence (also as tags, so they
 * can be searched), the likelihood ratio, its time span, and its operator-level values as context
 * attributes ({@code to_ids} false: they are already indicators where a feed named them, and a pivot
 * is not one). Object references point to the attributes of matched indicators among those values.
 */
final class MispHypotheses {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);
    static final String OBJECT_NAME = "cotejo-hypothesis";

    private MispHypotheses() {}

    /** MISP's ISO 8601 form for first_seen and last_seen. */
    static String time(Instant t) {
        return TIME.format(t);
    }

    static void add(Report report, String eventUuid, String timestamp, Map<String, String> attributeOfValue,
                    ArrayNode objects) {
        List<Cluster> clusters = report.comparison().clusters();
        for (int n = 0; n < clusters.size(); n++) {
            Cluster c = clusters.get(n);
            String name = "Cotejo hypothesis C" + (n + 1);
            int confidence = HypothesisConfidence.of(c.support());
            String objectUuid = NameBasedUuid.of("misp-hypothesis|" + eventUuid + "|" + c.id());
            ObjectNode o = objects.addObject();
            o.put("name", OBJECT_NAME);
            o.put("meta-category", "misc");
            o.put("description", "A hypothesis that one operator targeted these devices, with the support the observations give it");
            o.put("uuid", objectUuid);
            o.put("distribution", "5");
            o.put("timestamp", timestamp);
            o.put("comment", name + ": " + c.statement() + " Confidence " + confidence + " restates the verbal scale ("
                    + c.support().words() + "); it is not a probability that the devices share a source.");
            if (c.firstSeen() != null) o.put("first_seen", time(c.firstSeen()));
            if (c.lastSeen() != null) o.put("last_seen", time(c.lastSeen()));
            Attributes a = new Attributes(o.putArray("Attribute"), objectUuid, timestamp);
            a.add("name", "text", name);
            a.add("cluster-id", "text", c.id());
            for (DeviceRef d : c.devices()) a.add("device", "text", d.group().isEmpty() ? d.label() : d.group() + " " + d.label());
            for (String g : c.groups()) a.add("group", "text", g);
            ObjectNode support = a.add("support", "text", c.support().words());
            ArrayNode tags = support.putArray("Tag");
            tags.addObject().put("name", "cotejo:support=\"" + c.support().key() + "\"");
            tags.addObject().put("name", "cotejo:confidence=\"" + confidence + "\"");
            a.add("confidence", "counter", Integer.toString(confidence));
            a.add("log10-likelihood-ratio", "float", String.format(Locale.ROOT, "%.3f", c.log10Lr()));
            a.add("cross-group", "boolean", c.crossGroup() ? "1" : "0");
            TreeSet<String> referenced = new TreeSet<>();
            for (ClusterItem item : c.infrastructure()) {
                if (item.level() != EvidenceLevel.OPERATOR) continue;
                for (String typed : item.values()) {
                    Optional<ObservableType> type = typeOf(typed);
                    String value = typed.substring(typed.indexOf(':') + 1);
                    if (type.isEmpty()) continue;
                    MispWriter.Placement p = MispWriter.placement(type.get(), value);
                    if (p.inObject()) continue;
                    a.add("infrastructure", p.type(), value).put("category", p.category());
                    String matched = attributeOfValue.get(typed);
                    if (matched != null) referenced.add(matched);
                }
            }
            ArrayNode refs = o.putArray("ObjectReference");
            for (String target : referenced) {
                ObjectNode r = refs.addObject();
                r.put("uuid", NameBasedUuid.of("misp-reference|" + objectUuid + "|" + target));
                r.put("object_uuid", objectUuid);
                r.put("referenced_uuid", target);
                r.put("relationship_type", "uses");
                r.put("comment", "an indicator this hypothesis rests on");
            }
        }
    }

    private static Optional<ObservableType> typeOf(String typed) {
        int colon = typed.indexOf(':');
        return colon < 0 ? Optional.empty() : ObservableType.fromKey(typed.substring(0, colon));
    }

    /** The attributes of one object: each with a relation, never for detection, with a uuid over relation and value. */
    private record Attributes(ArrayNode array, String objectUuid, String timestamp) {
        ObjectNode add(String relation, String type, String value) {
            for (var existing : array) {
                if (existing.path("object_relation").asText().equals(relation) && existing.path("value").asText().equals(value)) {
                    return (ObjectNode) existing;
                }
            }
            ObjectNode a = array.addObject();
            a.put("uuid", NameBasedUuid.of("misp-attribute|" + objectUuid + "|" + relation + "|" + value));
            a.put("object_relation", relation);
            a.put("type", type);
            // Context about the hypothesis; an infrastructure value takes its type's category instead.
            a.put("category", "Other");
            a.put("value", value);
            a.put("to_ids", false);
            a.put("distribution", "5");
            a.put("timestamp", timestamp);
            return a;
        }
    }
}
