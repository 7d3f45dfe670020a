package org.cotejo.correlation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.cluster.Clusterer;
import org.cotejo.correlation.cluster.ClusterItem;
import org.cotejo.correlation.cluster.Explanation;
import org.cotejo.correlation.cluster.Exposure;
import org.cotejo.correlation.cluster.Link;
import org.cotejo.correlation.cluster.SameTool;
import org.cotejo.correlation.enrich.Enrichment;
import org.cotejo.correlation.infra.InfraProfiles;
import org.cotejo.correlation.level.LevelResolver;
import org.cotejo.correlation.lr.LinkSearch;
import org.cotejo.correlation.lr.Calibrator;
import org.cotejo.correlation.lr.PairEvaluator;
import org.cotejo.correlation.lr.PairScore;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.pivot.PivotDecision;
import org.cotejo.correlation.pivot.PivotFinder;
import org.cotejo.correlation.specificity.DeviceMerger;
import org.cotejo.correlation.specificity.DeviceRole;
import org.cotejo.correlation.specificity.ExcludedValue;
import org.cotejo.correlation.specificity.ValueIndex;
import org.cotejo.correlation.specificity.ValueRole;

/**
 * Which infections share a single source. One call: levels and specificity of every value, candidate
 * pairs through the inverted index, a likelihood ratio per pair, clusters over the links, exposures,
 * pivots and "same tool" statements. Deterministic: relabelling devices or reordering devices and
 * sightings changes nothing but the labels. Fast enough to be the benchmark hook as it is (no I/O).
 */
public final class Correlator {
    private Correlator() {}

    public static CorrelationResult correlate(List<DeviceEvidence> devices, Enrichment enrichment, CorrelationOptions options) {
        Prepared p = prepare(devices, enrichment, options);
        LinkSearch.Result found = LinkSearch.search(p.values, p.infra, p.evaluator, options.calibration(), options.linkLog10(),
                options.combinationFanOut());
        int[] first = found.first(), second = found.second();
        PairScore[] scores = found.scores();
        boolean[] isLink = found.links();
        int n = scores.length;

        List<Cluster> clusters = withExposures(p.values, Clusterer.cluster(p.values, first, second, scores, isLink));
        Map<String, String> clusterOf = new HashMap<>();
        for (Cluster c : clusters) for (var d : c.devices()) clusterOf.put(d.id(), c.id());

        List<Link> links = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            var a = p.values.device(first[i]).device();
            var b = p.values.device(second[i]).device();
            if (a.compareTo(b) > 0) links.add(new Link(b, a, scores[i], isLink[i]));
            else links.add(new Link(a, b, scores[i], isLink[i]));
        }
        links.sort(Comparator.comparing((Link l) -> !l.link()).thenComparing(l -> -l.score().log10Lr())
                .thenComparing(Link::a).thenComparing(Link::b));

        List<DeviceSummary> summaries = new ArrayList<>();
        for (int d = 0; d < p.values.deviceCount(); d++) {
            DeviceEvidence e = p.values.device(d);
            summaries.add(new DeviceSummary(e.device(), e.verdict(), p.values.role(d), e.sightings().size(), e.sources()));
        }
        summaries.sort(Comparator.comparing(DeviceSummary::device));
        return new CorrelationResult(options, summaries, enrichment.sources(), links, clusters,
                PivotFinder.find(p.values, p.decisions, clusterOf), SameTool.of(p.values),
                ExcludedValue.report(p.values, p.infra.excludedKeys(), p.infra.excludedSpread()));
    }

    /**
     * Weighs one pair on request, whatever it shares (also pairs that share only tool-level or weak items
     * and are therefore never candidates), so an examiner can ask why two devices are NOT linked.
     *
     * @throws CotejoException when a device id is unknown
     */
    public static PairScore compare(List<DeviceEvidence> devices, Enrichment enrichment, CorrelationOptions options, String idA, String idB) {
        Prepared p = prepare(devices, enrichment, options);
        return p.evaluator.evaluate(index(p.values, idA), index(p.values, idB));
    }

    /**
     * Weighs many pairs with one preparation ({@link #compare} for each), e.g. a sample of pairs a benchmark
     * knows to be of different operators; pairs are device ids.
     *
     * @throws CotejoException when a device id is unknown
     */
    public static List<PairScore> compareAll(List<DeviceEvidence> devices, Enrichment enrichment, CorrelationOptions options,
                                             List<String[]> pairs) {
        Prepared p = prepare(devices, enrichment, options);
        Map<String, Integer> byId = new HashMap<>();
        for (int d = 0; d < p.values.deviceCount(); d++) byId.put(p.values.device(d).device().id(), d);
        int[][] idx = new int[pairs.size()][];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = new int[] {indexOf(byId, pairs.get(i)[0], p.values), indexOf(byId, pairs.get(i)[1], p.values)};
        }
        PairScore[] out = new PairScore[idx.length];
        java.util.stream.IntStream.range(0, idx.length).parallel().forEach(i -> out[i] = p.evaluator.evaluate(idx[i][0], idx[i][1]));
        return List.of(out);
    }

    private static int indexOf(Map<String, Integer> byId, String id, ValueIndex values) {
        Integer d = byId.get(id);
        return d != null ? d : index(values, id);
    }

    /** A calibrator with these options' levels, warning lists, cap and infrastructure limits. */
    public static Calibrator calibrator(CorrelationOptions o) {
        return new Calibrator(o.feedLevels(), o.warningLists(), o.fanOutCap(), o.hostingDomains(), o.burstDays());
    }

    private static int index(ValueIndex values, String id) {
        for (int d = 0; d < values.deviceCount(); d++) if (values.device(d).device().id().equals(id)) return d;
        throw new CotejoException("no device with id '" + CotejoException.printable(id) + "' among the " + values.deviceCount()
                + " devices given; use the id from the device list of clusters.json");
    }

    private record Prepared(ValueIndex values, InfraProfiles infra, PairEvaluator evaluator, Map<String, PivotDecision> decisions) {}

    private static Prepared prepare(List<DeviceEvidence> devices, Enrichment enrichment, CorrelationOptions o) {
        Map<String, PivotDecision> decisions = new TreeMap<>();
        Map<String, String> confirmed = new HashMap<>(), rejected = new HashMap<>();
        for (PivotDecision d : o.pivotDecisions()) {
            PivotDecision before = decisions.put(d.key(), d);
            if (before != null && before.decision() != d.decision()) {
                throw new CotejoException("two contradicting pivot decisions on " + d.key() + " (" + before.describe() + "; "
                        + d.describe() + "); keep one of them");
            }
            (d.decision() == PivotDecision.Decision.CONFIRMED ? confirmed : rejected).put(d.key(), d.describe());
        }
        ValueIndex values = new ValueIndex(DeviceMerger.merge(devices), new LevelResolver(o.feedLevels()), o.warningLists(),
                o.fanOutCap(), confirmed, rejected, o.pivotBackground(), o.pivotLift());
        InfraProfiles infra = new InfraProfiles(values, enrichment, o.hostingDomains(), o.fanOutCap());
        PairEvaluator evaluator = new PairEvaluator(values, infra, o.calibration(), o.burstDays(), o.backgroundWeight(), o.maxLog10());
        return new Prepared(values, infra, evaluator, decisions);
    }

    /** Devices that are not targets but show values a cluster rests on are listed with it, never in it. */
    private static List<Cluster> withExposures(ValueIndex values, List<Cluster> clusters) {
        Map<String, List<Integer>> clustersOfValue = new HashMap<>();
        for (int c = 0; c < clusters.size(); c++) {
            for (ClusterItem it : clusters.get(c).infrastructure()) {
                for (String v : it.values()) {
                    List<Integer> l = clustersOfValue.computeIfAbsent(v, k -> new ArrayList<>());
                    if (!l.contains(c)) l.add(c);
                }
            }
        }
        List<Map<Integer, TreeSet<String>>> exposed = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) exposed.add(new TreeMap<>());
        for (int d = 0; d < values.deviceCount(); d++) {
            if (values.role(d) == DeviceRole.TARGETED) continue;
            for (int v : values.valuesOf(d)) {
                if (values.valueRole(v) != ValueRole.LINKING) continue;
                for (int c : clustersOfValue.getOrDefault(values.key(v), List.of())) {
                    exposed.get(c).computeIfAbsent(d, k -> new TreeSet<>()).add(values.key(v));
                }
            }
        }
        List<Cluster> out = new ArrayList<>(clusters.size());
        for (int c = 0; c < clusters.size(); c++) {
            List<Exposure> e = new ArrayList<>();
            exposed.get(c).forEach((d, vs) -> e.add(new Exposure(values.device(d).device(), new ArrayList<>(vs))));
            e.sort(Comparator.comparing(Exposure::device));
            Cluster withE = clusters.get(c).withExposed(e, "");
            out.add(withE.withExposed(e, Explanation.of(withE)));
        }
        return out;
    }
}
