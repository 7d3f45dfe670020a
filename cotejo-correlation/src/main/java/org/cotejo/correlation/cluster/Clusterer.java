package org.cotejo.correlation.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cotejo.correlation.lr.CountedItem;
import org.cotejo.correlation.lr.EvidenceItem;
import org.cotejo.correlation.lr.FeatureKind;
import org.cotejo.correlation.lr.PairScore;
import org.cotejo.correlation.lr.SupportScale;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.correlation.specificity.ValueIndex;

/**
 * Clusters: connected components of the links (pairs whose ratio reaches the threshold). A component is
 * a hypothesis of a single source. Its confidence is the weakest link of a maximum spanning tree: the
 * strongest chain of links that joins every device, judged by its weakest step. That value does not
 * depend on which of several equally strong trees is taken, nor on device names or input order.
 */
public final class Clusterer {
    private Clusterer() {}

    /**
     * @param first  first device of each weighed pair
     * @param second second device of each weighed pair
     * @param scores their scores
     * @param links  which pairs are links
     */
    public static List<Cluster> cluster(ValueIndex values, int[] first, int[] second, PairScore[] scores, boolean[] links) {
        int n = values.deviceCount();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        Integer[] order = new Integer[scores.length];
        int m = 0;
        for (int i = 0; i < scores.length; i++) if (links[i]) order[m++] = i;
        order = java.util.Arrays.copyOf(order, m);
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i].log10Lr()));
        double[] weakest = new double[n];
        java.util.Arrays.fill(weakest, Double.POSITIVE_INFINITY);
        for (int i : order) {
            int ra = find(parent, first[i]), rb = find(parent, second[i]);
            if (ra == rb) continue;
            // Kruskal: edges come strongest first, so the edge joining two trees is the weakest of the merged tree.
            double w = Math.min(scores[i].log10Lr(), Math.min(weakest[ra], weakest[rb]));
            int root = Math.min(ra, rb);
            parent[Math.max(ra, rb)] = root;
            weakest[root] = w;
        }
        Map<Integer, List<Integer>> members = new TreeMap<>();
        for (int d = 0; d < n; d++) members.computeIfAbsent(find(parent, d), k -> new ArrayList<>()).add(d);
        Map<Integer, List<Integer>> linksOf = new HashMap<>();
        for (int i : order) linksOf.computeIfAbsent(find(parent, first[i]), k -> new ArrayList<>()).add(i);
        List<Cluster> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : members.entrySet()) {
            if (e.getValue().size() < 2) continue;
            out.add(build(values, e.getValue(), linksOf.get(e.getKey()), scores, weakest[e.getKey()]));
        }
        disambiguate(out);
        out.sort(Comparator.comparing((Cluster c) -> -c.devices().size()).thenComparing(c -> -c.log10Lr()).thenComparing(Cluster::id));
        return out;
    }

    private static Cluster build(ValueIndex values, List<Integer> devices, List<Integer> links, PairScore[] scores, double weakest) {
        Map<String, EvidenceItem> counted = new TreeMap<>();
        Map<String, EvidenceItem> tool = new TreeMap<>();
        for (int l : links) {
            for (CountedItem c : scores[l].items()) {
                EvidenceItem it = c.item();
                Map<String, EvidenceItem> into = it.kind().isTool() ? tool : c.counted() ? counted : null;
                if (into == null) continue;
                into.merge(it.identity(), it, (x, y) -> x.lr() >= y.lr() ? x : y);
            }
        }
        Spread spread = new Spread(values, devices);
        List<ClusterItem> infra = new ArrayList<>();
        for (EvidenceItem it : counted.values()) infra.add(spread.summarise(it));
        infra.sort(Comparator.comparing(ClusterItem::kind).thenComparing(i -> -i.lr()).thenComparing(i -> String.join(",", i.values())));
        List<ClusterItem> sameTool = new ArrayList<>();
        for (EvidenceItem it : tool.values()) sameTool.add(spread.summarise(it));
        Map<FeatureKind, Integer> counts = new EnumMap<>(FeatureKind.class);
        Instant first = null, last = null;
        for (ClusterItem c : infra) {
            counts.merge(c.kind(), 1, Integer::sum);
            if (c.firstSeen() != null && (first == null || c.firstSeen().isBefore(first))) first = c.firstSeen();
            if (c.lastSeen() != null && (last == null || c.lastSeen().isAfter(last))) last = c.lastSeen();
        }
        List<DeviceRef> refs = new ArrayList<>();
        TreeSet<String> groups = new TreeSet<>();
        for (int d : devices) {
            refs.add(values.device(d).device());
            groups.add(values.device(d).device().group());
        }
        Collections.sort(refs);
        String id = "C-" + sha256(counted.keySet()).substring(0, 10);
        Cluster c = new Cluster(id, refs, new ArrayList<>(groups), groups.size() > 1, weakest, SupportScale.ofLog10(weakest),
                links.size(), first, last, infra, Collections.unmodifiableMap(counts), sameTool, List.of(), "");
        return c.withExposed(List.of(), Explanation.of(c));
    }

    /**
     * Counts an item's values over one cluster's devices through the value index's posting lists (a big
     * cluster rests on thousands of items, and most share its few popular values), caching each value's
     * devices, first and last seen within the cluster.
     */
    private static final class Spread {
        private final ValueIndex values;
        private final java.util.BitSet members = new java.util.BitSet();
        private final Map<Integer, int[]> devicesOf = new HashMap<>();
        private final Map<Integer, Instant[]> seenOf = new HashMap<>();

        Spread(ValueIndex values, List<Integer> devices) {
            this.values = values;
            for (int d : devices) members.set(d);
        }

        private int[] devicesOf(int v) {
            return devicesOf.computeIfAbsent(v, k -> {
                int n = values.postingSize(k);
                int[] out = new int[n];
                int m = 0;
                Instant first = null, last = null;
                for (int i = 0; i < n; i++) {
                    int d = values.posting(k, i);
                    if (!members.get(d)) continue;
                    out[m++] = d;
                    Sighting s = values.sighting(d, k);
                    if (s.firstSeen() != null && (first == null || s.firstSeen().isBefore(first))) first = s.firstSeen();
                    if (s.lastSeen() != null && (last == null || s.lastSeen().isAfter(last))) last = s.lastSeen();
                }
                seenOf.put(k, new Instant[] {first, last});
                return java.util.Arrays.copyOf(out, m);
            });
        }

        ClusterItem summarise(EvidenceItem it) {
            List<Integer> ids = it.values().stream().map(values::id).filter(java.util.Objects::nonNull).distinct().toList();
            Instant first = null, last = null;
            int largest = -1;
            for (int v : ids) {
                int[] ds = devicesOf(v);
                Instant[] seen = seenOf.get(v);
                if (seen[0] != null && (first == null || seen[0].isBefore(first))) first = seen[0];
                if (seen[1] != null && (last == null || seen[1].isAfter(last))) last = seen[1];
                if (largest < 0 || ds.length > devicesOf(largest).length) largest = v;
            }
            int on = largest < 0 ? 0 : devicesOf(largest).length;
            if (ids.size() > 1) {
                // The union: the largest value's devices, plus those of the others that do not show it.
                java.util.Set<Integer> more = new java.util.HashSet<>();
                for (int v : ids) {
                    if (v == largest) continue;
                    for (int d : devicesOf(v)) if (values.sighting(d, largest) == null) more.add(d);
                }
                on += more.size();
            }
            return new ClusterItem(it.kind(), it.level(), it.values(), it.facts(), it.lr(), on, first, last, it.note());
        }
    }

    /** Two clusters resting on the same items would share an id; number them in a name-independent order. */
    private static void disambiguate(List<Cluster> clusters) {
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < clusters.size(); i++) byId.computeIfAbsent(clusters.get(i).id(), k -> new ArrayList<>()).add(i);
        for (List<Integer> same : byId.values()) {
            if (same.size() < 2) continue;
            same.sort(Comparator.comparing((Integer i) -> -clusters.get(i).devices().size()).thenComparing(i -> -clusters.get(i).log10Lr())
                    .thenComparing(i -> String.join(",", clusters.get(i).groups())));
            for (int k = 1; k < same.size(); k++) {
                Cluster c = clusters.get(same.get(k));
                Cluster renamed = new Cluster(c.id() + "-" + (k + 1), c.devices(), c.groups(), c.crossGroup(), c.log10Lr(), c.support(),
                        c.links(), c.firstSeen(), c.lastSeen(), c.infrastructure(), c.counts(), c.sameTool(), c.exposed(), "");
                clusters.set(same.get(k), renamed.withExposed(List.of(), Explanation.of(renamed)));
            }
        }
    }

    static String sha256(Iterable<String> parts) {
        MessageDigest md = org.cotejo.core.Hashing.sha256();
        for (String p : parts) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }
}
