package org.cotejo.correlation.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cotejo.correlation.lr.FeatureKind;
import org.cotejo.correlation.lr.SupportScale;
import org.cotejo.correlation.model.DeviceRef;

/**
 * A hypothesis of a single source: targeted devices joined by links, and the infrastructure they share
 * (the operator group of infrastructure).
 *
 * @param id             stable id from what the cluster rests on (not from device names), "C-" + 10 hex
 * @param devices        its devices, sorted
 * @param groups         the cases or countries they belong to, sorted
 * @param crossGroup     whether it spans more than one group
 * @param log10Lr        its confidence: log10 of the weakest link of a maximum spanning tree over its links
 *                       (every device is joined to the others through links at least this strong)
 * @param support        the verbal equivalent of that ratio
 * @param links          number of links inside it
 * @param firstSeen      earliest sighting of the items it rests on, or null
 * @param lastSeen       latest, or null
 * @param infrastructure the counted items its links rest on
 * @param counts         how many of each kind
 * @param sameTool       tool-level traces its devices share ("same tool" only)
 * @param exposed        devices that are not targets but show its values
 * @param statement      one paragraph for people
 */
public record Cluster(String id, List<DeviceRef> devices, List<String> groups, boolean crossGroup, double log10Lr,
                      SupportScale support, int links, Instant firstSeen, Instant lastSeen, List<ClusterItem> infrastructure,
                      Map<FeatureKind, Integer> counts, List<ClusterItem> sameTool, List<Exposure> exposed, String statement) {
    public Cluster {
        devices = List.copyOf(devices);
        groups = List.copyOf(groups);
        infrastructure = List.copyOf(infrastructure);
        sameTool = List.copyOf(sameTool);
        exposed = List.copyOf(exposed);
    }

    /** A copy with the exposed devices and a statement that names them. */
    public Cluster withExposed(List<Exposure> e, String newStatement) {
        return new Cluster(id, devices, groups, crossGroup, log10Lr, support, links, firstSeen, lastSeen, infrastructure,
                counts, sameTool, e, newStatement);
    }
}
