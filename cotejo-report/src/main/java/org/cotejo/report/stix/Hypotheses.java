package org.cotejo.report.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.cluster.ClusterItem;
import org.cotejo.correlation.cluster.Explanation;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.report.model.Report;

/**
 * The single-source hypotheses of a report as STIX: per cluster an {@code intrusion-set} (the
 * hypothetical operator) with its {@code confidence}, an {@code infrastructure} for the operator-level
 * values its links rest on, each value as an SCO the infrastructure {@code consists-of}, and the
 * relationships {@code uses} (infrastructure, malware) and {@code targets} (its devices).
 */
final class Hypotheses {
    /** Objects in the order the bundle lists them. */
    record Objects(List<ObjectNode> observables, List<ObjectNode> infrastructure, List<ObjectNode> intrusionSets,
                   List<ObjectNode> relationships) {}

    private Hypotheses() {}

    /**
     * @param malwareOfDevice the malware ids each device's evidence indicates, keyed by group and pseudonym
     */
    static Objects of(Report report, StixObjects stix, DeviceIdentities devices, Map<String, Set<String>> malwareOfDevice) {
        Map<String, ObjectNode> observables = new TreeMap<>();
        List<ObjectNode> infrastructure = new ArrayList<>();
        List<ObjectNode> sets = new ArrayList<>();
        List<ObjectNode> relationships = new ArrayList<>();
        String reportId = report.meta().reportId();
        List<Cluster> clusters = report.comparison().clusters();
        for (int n = 0; n < clusters.size(); n++) {
            Cluster c = clusters.get(n);
            String name = "Cotejo hypothesis C" + (n + 1);
            ObjectNode set = stix.sdo("intrusion-set", StixObjects.id("intrusion-set", reportId + "|" + c.id()));
            set.put("name", name);
            set.putArray("aliases").add(c.id());
            int confidence = HypothesisConfidence.of(c.support());
            set.put("description", name + " (cluster " + c.id() + "), a hypothesis that one operator targeted these devices: "
                    + c.statement() + " Confidence " + confidence + " restates the verbal scale (" + c.support().words()
                    + ") on STIX's Low/Med/High ranges; it is not a probability that the devices share a source.");
            if (c.firstSeen() != null) set.put("first_seen", StixObjects.time(c.firstSeen()));
            if (c.lastSeen() != null) set.put("last_seen", StixObjects.time(c.lastSeen()));
            set.put("confidence", confidence);
            sets.add(set);
            String setId = set.path("id").asText();

            List<String> scoIds = new ArrayList<>();
            for (ClusterItem item : c.infrastructure()) {
                if (item.level() != EvidenceLevel.OPERATOR) continue;
                for (String typed : item.values()) {
                    observable(stix, typed).ifPresent(o -> {
                        String id = o.path("id").asText();
                        observables.putIfAbsent(id, o);
                        if (!scoIds.contains(id)) scoIds.add(id);
                    });
                }
            }
            if (!scoIds.isEmpty()) {
                ObjectNode infra = stix.sdo("infrastructure", StixObjects.id("infrastructure", reportId + "|" + c.id()));
                infra.put("name", "Infrastructure of " + name);
                infra.put("description", "The operator-level values the links of " + name + " rest on: " + items(c) + ".");
                infra.putArray("infrastructure_types").add("unknown");
                if (c.firstSeen() != null) infra.put("first_seen", StixObjects.time(c.firstSeen()));
                if (c.lastSeen() != null) infra.put("last_seen", StixObjects.time(c.lastSeen()));
                infrastructure.add(infra);
                String infraId = infra.path("id").asText();
                relationships.add(stix.relationship("uses", setId, infraId));
                for (String sco : scoIds) relationships.add(stix.relationship("consists-of", infraId, sco));
            }
            Set<String> malware = new TreeSet<>();
            for (DeviceRef d : c.devices()) malware.addAll(malwareOfDevice.getOrDefault(deviceKey(d), Set.of()));
            for (String m : malware) relationships.add(stix.relationship("uses", setId, m));
            for (DeviceRef d : c.devices()) relationships.add(stix.relationship("targets", setId, devices.idOf(d)));
        }
        return new Objects(new ArrayList<>(observables.values()), infrastructure, sets, relationships);
    }

    static String deviceKey(DeviceRef d) {
        return d.group() + '\u0000' + d.label();
    }

    /** "shared domain or URL (domain:a.example, domain:b.example; LR 350)" for each operator-level item, at most twenty. */
    private static String items(Cluster c) {
        List<String> parts = new ArrayList<>();
        for (ClusterItem i : c.infrastructure()) {
            if (i.level() != EvidenceLevel.OPERATOR) continue;
            parts.add(i.kind().label() + " (" + String.join(", ", i.values()) + "; LR " + Explanation.ratio(Math.log10(i.lr())) + ")");
        }
        if (parts.size() <= 20) return String.join("; ", parts);
        return String.join("; ", parts.subList(0, 20)) + " and " + (parts.size() - 20) + " more items (see report.json)";
    }

    /** The SCO for a "type:value" the correlation reports, when STIX has one for its type. */
    private static Optional<ObjectNode> observable(StixObjects stix, String typed) {
        int colon = typed.indexOf(':');
        if (colon < 0) return Optional.empty();
        Optional<ObservableType> type = ObservableType.fromKey(typed.substring(0, colon));
        String value = typed.substring(colon + 1);
        if (type.isEmpty()) return Optional.empty();
        String scoType = switch (type.get()) {
            case DOMAIN -> "domain-name";
            case URL -> "url";
            case IPV4 -> "ipv4-addr";
            case IPV6 -> "ipv6-addr";
            case CIDR -> value.contains(":") ? "ipv6-addr" : "ipv4-addr";
            case EMAIL -> "email-addr";
            case X509_HASH -> "x509-certificate";
            default -> null;
        };
        if (scoType == null) return Optional.empty();
        if (scoType.equals("x509-certificate")) {
            String algorithm = value.length() == 32 ? "MD5" : value.length() == 40 ? "SHA-1" : "SHA-256";
            ObjectNode o = stix.sco(scoType, stix.certificateId(algorithm, value));
            o.putObject("hashes").put(algorithm, value);
            return Optional.of(o);
        }
        ObjectNode o = stix.sco(scoType, stix.scoId(scoType, value));
        o.put("value", value);
        return Optional.of(o);
    }
}
