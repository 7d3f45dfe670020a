package org.cotejo.report.svg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.cluster.Exposure;
import org.cotejo.correlation.cluster.Link;
import org.cotejo.correlation.lr.CountedItem;
import org.cotejo.correlation.lr.EvidenceItem;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.EvidenceLevel;

/**
 * What the device–infrastructure figure draws: the clustered and exposed devices, the operator-level
 * and weak-infrastructure items their links were counted on, and which device rests on which item. An
 * item joins a device when it was counted for a link of that device. A big cluster rests on hundreds of
 * items, so each cluster shows its most widely shared ones, taken in turn across clusters up to the
 * node budget; the report's tables and report.json list them all.
 *
 * @param devices    device nodes in drawing order (by cluster, then group and pseudonym; exposed last)
 * @param items      item nodes in drawing order (by cluster, most shared first)
 * @param edges      device index, item index, cluster index (-1 for an exposed device)
 * @param clusters   the clusters drawn, in report order
 * @param itemsTotal how many items the clusters rest on in all (more than {@code items.size()} when cut)
 */
public record InfrastructureGraph(List<DeviceNode> devices, List<ItemNode> items, List<int[]> edges, List<Cluster> clusters,
                                  int itemsTotal) {
    /** Devices beyond which the figure stops being legible and a table takes its place. */
    public static final int MAX_DEVICES = 40;
    public static final int MAX_NODES = 60;

    public record DeviceNode(DeviceRef ref, int cluster, boolean exposed) {}

    public record ItemNode(String label, String kind, EvidenceLevel level, int cluster, int devices) {}

    /** The graph, or empty when there is nothing to draw or too much to draw legibly. */
    public static Optional<InfrastructureGraph> of(CorrelationResult r) {
        if (r.clusters().isEmpty()) return Optional.empty();
        Map<String, Integer> clusterOf = new HashMap<>();
        for (int c = 0; c < r.clusters().size(); c++) for (DeviceRef d : r.clusters().get(c).devices()) clusterOf.put(d.id(), c);
        List<DeviceNode> devices = new ArrayList<>();
        for (int c = 0; c < r.clusters().size(); c++) for (DeviceRef d : r.clusters().get(c).devices()) devices.add(new DeviceNode(d, c, false));
        Map<String, DeviceNode> exposed = new LinkedHashMap<>();
        for (int c = 0; c < r.clusters().size(); c++) {
            for (Exposure x : r.clusters().get(c).exposed()) exposed.putIfAbsent(x.device().id(), new DeviceNode(x.device(), c, true));
        }
        devices.addAll(exposed.values());
        if (devices.size() > MAX_DEVICES) return Optional.empty();

        // Every counted, non-tool item of every link, with the devices it was counted for.
        Map<String, EvidenceItem> itemById = new HashMap<>();
        Map<String, TreeSet<String>> devicesOf = new HashMap<>();
        Map<String, Integer> clusterOfItem = new HashMap<>();
        for (Link l : r.links()) {
            if (!l.link()) continue;
            Integer c = clusterOf.get(l.a().id());
            if (c == null) continue;
            for (CountedItem ci : l.score().items()) {
                EvidenceItem it = ci.item();
                if (!ci.counted() || it.kind().isTool()) continue;
                String key = c + "|" + it.identity();
                itemById.putIfAbsent(key, it);
                clusterOfItem.put(key, c);
                TreeSet<String> ds = devicesOf.computeIfAbsent(key, k -> new TreeSet<>());
                ds.add(l.a().id());
                ds.add(l.b().id());
            }
        }
        List<List<String>> perCluster = new ArrayList<>();
        for (int c = 0; c < r.clusters().size(); c++) perCluster.add(new ArrayList<>());
        for (String key : itemById.keySet()) perCluster.get(clusterOfItem.get(key)).add(key);
        for (List<String> keys : perCluster) {
            keys.sort(Comparator.comparing((String k) -> -devicesOf.get(k).size()).thenComparing(k -> -itemById.get(k).lr())
                    .thenComparing(k -> k));
        }
        int budget = MAX_NODES - devices.size();
        if (budget < r.clusters().size()) return Optional.empty();
        List<String> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < budget; round++) {
            boolean any = false;
            for (List<String> keys : perCluster) {
                if (round < keys.size() && chosen.size() < budget) {
                    chosen.add(keys.get(round));
                    any = true;
                }
            }
            if (!any) break;
        }
        chosen.sort(Comparator.comparing((String k) -> clusterOfItem.get(k)).thenComparing(k -> perCluster.get(clusterOfItem.get(k)).indexOf(k)));

        List<ItemNode> items = new ArrayList<>();
        List<int[]> edges = new ArrayList<>();
        Map<String, Integer> deviceIndex = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) deviceIndex.putIfAbsent(devices.get(i).ref().id(), i);
        for (String key : chosen) {
            EvidenceItem it = itemById.get(key);
            int c = clusterOfItem.get(key);
            items.add(new ItemNode(label(it), it.kind().key(), it.level(), c, devicesOf.get(key).size()));
            for (String d : devicesOf.get(key)) edges.add(new int[] {deviceIndex.get(d), items.size() - 1, c});
            for (DeviceNode x : exposed.values()) {
                boolean shows = r.clusters().get(c).exposed().stream()
                        .anyMatch(e -> e.device().id().equals(x.ref().id()) && e.values().stream().anyMatch(it.values()::contains));
                if (shows) edges.add(new int[] {deviceIndex.get(x.ref().id()), items.size() - 1, -1});
            }
        }
        return Optional.of(new InfrastructureGraph(devices, items, edges, r.clusters(), itemById.size()));
    }

    private static String label(EvidenceItem it) {
        String first = it.values().isEmpty() ? (it.facts().isEmpty() ? it.kind().key() : it.facts().get(0)) : it.values().get(0);
        if (first.length() > 38) first = first.substring(0, 37) + "…";
        int more = it.values().size() - 1;
        return more > 0 ? first + " +" + more : first;
    }
}
