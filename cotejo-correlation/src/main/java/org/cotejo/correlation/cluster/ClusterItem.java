package org.cotejo.correlation.cluster;

import java.time.Instant;
import java.util.List;
import org.cotejo.correlation.lr.FeatureKind;
import org.cotejo.correlation.model.EvidenceLevel;

/**
 * One item a cluster rests on (or, for tool-level items, one "same tool" trace its devices share),
 * counted over the cluster's devices.
 *
 * @param kind      the kind of evidence
 * @param level     its level
 * @param values    device values, "type:value"
 * @param facts     enrichment facts, "file line N: …"
 * @param lr        its likelihood ratio for one pair (the largest over the cluster's links)
 * @param devices   cluster devices showing at least one of its values
 * @param firstSeen earliest sighting of its values on those devices, or null
 * @param lastSeen  latest, or null
 * @param note      how its ratio was obtained ("confirmed pivot …", "chance rate …")
 */
public record ClusterItem(FeatureKind kind, EvidenceLevel level, List<String> values, List<String> facts, double lr,
                          int devices, Instant firstSeen, Instant lastSeen, String note) {
    public ClusterItem {
        values = List.copyOf(values);
        facts = List.copyOf(facts);
    }
}
