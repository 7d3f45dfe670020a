package org.cotejo.correlation.lr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.cotejo.correlation.infra.InfraFact;
import org.cotejo.correlation.infra.InfraProfiles;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.correlation.specificity.DeviceRole;
import org.cotejo.correlation.specificity.ValueIndex;
import org.cotejo.correlation.specificity.ValueRole;

/**
 * Finds the links without weighing every pair that shares something. An operator's top delivery domain
 * sits on most of its targets, so weighing all pairs of its devices grows with the square of the
 * operator's size; instead:
 *
 * <ol>
 *   <li><b>Keys strong enough to link on their own</b> (a value or an infrastructure key whose single item
 *       reaches the link threshold: a shared domain, account, co-resolution, registrant, TLS key) join
 *       their devices directly, strongest key first. Only the pairs that join two groups not yet joined
 *       (a spanning forest, at most one pair per device) are weighed in full, for the explanation and
 *       {@code links.json}; each is a link, since its ratio is at least its key's.</li>
 *   <li><b>Combinations of weaker items</b> (custom name servers, a value the background spread weakened):
 *       a pair can only reach the threshold through two or more of them, and need only be weighed when it
 *       would join two groups step 1 left apart. So every pair of devices of different groups sharing
 *       such a key is weighed, for keys on at most {@code comboFanOut} devices.</li>
 * </ol>
 *
 * <p>The clusters are therefore the connected components of the links, as if every pair had been weighed
 * (up to the fan-out bound of step 2); pairs inside a cluster beyond the spanning ones are not listed
 * ({@code Correlator.compare} weighs any pair on request). The work is linear in the sightings plus the
 * pairs of step 2. Order and ties never depend on device names: keys are taken by strength then by name,
 * devices by a fingerprint of their content.
 */
public final class LinkSearch {
    /** The pairs weighed: spanning links of step 1, then the pairs of step 2 (links or not). */
    public record Result(int[] first, int[] second, PairScore[] scores, boolean[] links, int combinationKeysSkipped) {}

    private final ValueIndex values;
    private final InfraProfiles infra;
    private final PairEvaluator evaluator;
    private final Calibration calibration;
    private final double linkLog10;
    private final int comboFanOut;
    private final long[] fingerprint;
    private final int[] parent;

    private LinkSearch(ValueIndex values, InfraProfiles infra, PairEvaluator evaluator, Calibration calibration, double linkLog10,
                       int comboFanOut) {
        this.values = values;
        this.infra = infra;
        this.evaluator = evaluator;
        this.calibration = calibration;
        this.linkLog10 = linkLog10;
        this.comboFanOut = comboFanOut;
        fingerprint = new long[values.deviceCount()];
        parent = new int[values.deviceCount()];
        IntStream.range(0, values.deviceCount()).parallel().forEach(d -> fingerprint[d] = fingerprint(values.device(d)));
    }

    /**
     * @param linkLog10   a pair is a link when log10 of its ratio reaches this
     * @param comboFanOut keys of step 2 on more targeted devices than this are not paired on
     */
    public static Result search(ValueIndex values, InfraProfiles infra, PairEvaluator evaluator, Calibration calibration,
                                double linkLog10, int comboFanOut) {
        return new LinkSearch(values, infra, evaluator, calibration, linkLog10, comboFanOut).run();
    }

    /** A key devices share: a linking value, or an infrastructure key with the facts behind it per device. */
    private static final class Key {
        final String name;
        final double log10;
        final boolean self;
        final int value; // the value id for value keys, -1 for infrastructure keys
        final String family;
        final List<Integer> devices = new ArrayList<>();
        final List<InfraFact> facts = new ArrayList<>();

        Key(String name, double log10, boolean self, int value, String family) {
            this.name = name;
            this.log10 = log10;
            this.self = self;
            this.value = value;
            this.family = family;
        }
    }

    private Result run() {
        List<Key> keys = keys();
        keys.sort((x, y) -> x.log10 != y.log10 ? Double.compare(y.log10, x.log10) : x.name.compareTo(y.name));

        // Step 1: strong keys join their devices; record the pairs that join two groups.
        resetGroups();
        PairSet spanning = new PairSet();
        List<Long> order = new ArrayList<>();
        for (Key k : keys) {
            if (!k.self) continue;
            if (k.value >= 0) joinAll(byRank(k.devices), spanning, order);
            else joinThroughInfrastructure(k, spanning, order);
        }
        long[] step1 = order.stream().mapToLong(Long::longValue).toArray();
        PairScore[] scores1 = weigh(step1);

        // Groups from the verified links only: a spanning pair below the threshold (a fact on a value both
        // devices show is not counted twice) joins nothing.
        resetGroups();
        for (int i = 0; i < step1.length; i++) if (isLink(scores1[i])) union(PairSet.first(step1[i]), PairSet.second(step1[i]));

        // Step 2: pairs of different groups sharing a key too weak to link alone.
        PairSet combos = new PairSet();
        int skipped = 0;
        for (Key k : keys) {
            if (k.self) continue;
            int[] ds = byRank(k.devices);
            if (ds.length < 2) continue;
            if (ds.length > comboFanOut) {
                skipped++;
                continue;
            }
            for (int i = 0; i < ds.length; i++) {
                int ri = find(ds[i]);
                for (int j = i + 1; j < ds.length; j++) {
                    if (find(ds[j]) == ri) continue;
                    long p = PairSet.pack(ds[i], ds[j]);
                    if (!spanning.contains(p)) combos.add(p);
                }
            }
        }
        long[] step2 = combos.sorted();
        PairScore[] scores2 = weigh(step2);

        int n = step1.length + step2.length;
        int[] first = new int[n], second = new int[n];
        PairScore[] scores = new PairScore[n];
        boolean[] links = new boolean[n];
        for (int i = 0; i < n; i++) {
            long p = i < step1.length ? step1[i] : step2[i - step1.length];
            first[i] = PairSet.first(p);
            second[i] = PairSet.second(p);
            scores[i] = i < step1.length ? scores1[i] : scores2[i - step1.length];
            links[i] = isLink(scores[i]);
        }
        return new Result(first, second, scores, links, skipped);
    }

    private boolean isLink(PairScore s) {
        return s.log10Lr() + 1e-9 >= linkLog10;
    }

    private PairScore[] weigh(long[] pairs) {
        PairScore[] out = new PairScore[pairs.length];
        // Each pair is weighed independently, so the parallel loop cannot change any result.
        IntStream.range(0, pairs.length).parallel().forEach(i -> out[i] = evaluator.evaluate(PairSet.first(pairs[i]), PairSet.second(pairs[i])));
        return out;
    }

    /** Every key shared by two or more targeted devices that can create a pair (tool-level and weak keys cannot). */
    private List<Key> keys() {
        List<Key> out = new ArrayList<>();
        for (int v = 0; v < values.valueCount(); v++) {
            if (values.valueRole(v) != ValueRole.LINKING || values.postingSize(v) < 2) continue;
            EvidenceItem item = evaluator.valueItem(v);
            double log10 = Math.log10(item.lr());
            Key k = new Key("v " + values.key(v), log10, selfLinking(item.kind(), log10), v, "");
            for (int i = 0; i < values.postingSize(v); i++) k.devices.add(values.posting(v, i));
            out.add(k);
        }
        Map<String, Key> byName = new HashMap<>();
        for (int d = 0; d < values.deviceCount(); d++) {
            if (values.role(d) != DeviceRole.TARGETED) continue;
            for (InfraFact f : infra.of(d)) {
                if (!f.createsCandidates()) continue;
                Key k = byName.computeIfAbsent(f.key(), name -> {
                    FeatureKind kind = PairEvaluator.kindOfFamily(f.family());
                    double log10 = Math.log10(calibration.lr(kind));
                    return new Key("i " + name, log10, selfLinking(kind, log10), -1, f.family());
                });
                k.devices.add(d);
                k.facts.add(f);
            }
        }
        for (Key k : byName.values()) if (new LinkedHashSet<>(k.devices).size() >= 2) out.add(k);
        return out;
    }

    private boolean selfLinking(FeatureKind kind, double log10) {
        return !kind.isTool() && !kind.isWeak() && !kind.onlyCombined() && log10 + 1e-9 >= linkLog10;
    }

    /** Joins every device to the first (by fingerprint), recording the pairs that join two groups. */
    private void joinAll(int[] devices, PairSet spanning, List<Long> order) {
        for (int i = 1; i < devices.length; i++) join(devices[0], devices[i], spanning, order);
    }

    /**
     * An infrastructure key joins devices through DIFFERENT values (device A's domain and device B's domain
     * on one address at overlapping times, under one TLS key...). A key can carry thousands of values (every
     * per-target URL on an operator's domains), so values are first grouped by what the key says about them
     * (for co-resolution, their time windows; for the others, nothing): two values of one group can always
     * be joined, two groups when their windows overlap. Within a group, the first device of its first value
     * is joined to every device of another value, and the first device of its second value to the devices
     * of the first; between two groups that can be joined, the first device of each to every device of the
     * other. Groups and values are taken in the order of their names, devices by fingerprint.
     */
    private void joinThroughInfrastructure(Key k, PairSet spanning, List<Long> order) {
        boolean windows = k.family.equals("res");
        Map<Integer, List<Integer>> devicesOfValue = new HashMap<>();
        Map<Integer, Set<InfraFact>> factsOfValue = new HashMap<>();
        for (int i = 0; i < k.devices.size(); i++) {
            int v = k.facts.get(i).value();
            devicesOfValue.computeIfAbsent(v, x -> new ArrayList<>()).add(k.devices.get(i));
            if (windows) factsOfValue.computeIfAbsent(v, x -> new LinkedHashSet<>()).add(k.facts.get(i));
        }
        if (devicesOfValue.size() < 2) return; // one value: its devices share it, and the value's own key joins them
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int v : devicesOfValue.keySet()) groups.computeIfAbsent(windows ? signature(factsOfValue.get(v)) : "", x -> new ArrayList<>()).add(v);
        List<Group> gs = new ArrayList<>();
        for (List<Integer> vs : groups.values()) {
            // Values in the order of their names, not their ids: ids follow the input order, names do not.
            vs.sort(java.util.Comparator.comparing(values::key));
            int[][] ds = new int[vs.size()][];
            for (int i = 0; i < ds.length; i++) ds[i] = byRank(devicesOfValue.get(vs.get(i)));
            gs.add(new Group(ds, windows ? factsOfValue.get(vs.get(0)) : Set.of()));
        }
        for (Group g : gs) {
            if (g.devices().length < 2) continue;
            for (int i = 1; i < g.devices().length; i++) for (int d : g.devices()[i]) join(g.devices()[0][0], d, spanning, order);
            for (int d : g.devices()[0]) join(g.devices()[1][0], d, spanning, order);
        }
        for (int a = 0; a < gs.size(); a++) {
            for (int b = a + 1; b < gs.size(); b++) {
                if (windows && !overlap(gs.get(a).facts(), gs.get(b).facts())) continue;
                for (int[] ds : gs.get(b).devices()) for (int d : ds) join(gs.get(a).devices()[0][0], d, spanning, order);
                for (int[] ds : gs.get(a).devices()) for (int d : ds) join(gs.get(b).devices()[0][0], d, spanning, order);
            }
        }
    }

    /** Values one infrastructure key treats alike: their devices (by value, in name order) and their facts on it. */
    private record Group(int[][] devices, Set<InfraFact> facts) {}

    /** The time windows of a value's facts on a key, as text: values with the same windows join alike. */
    private static String signature(Set<InfraFact> facts) {
        TreeSet<String> w = new TreeSet<>();
        for (InfraFact f : facts) w.add(f.from() + "/" + f.to());
        return String.join(",", w);
    }

    private static boolean overlap(Set<InfraFact> a, Set<InfraFact> b) {
        for (InfraFact x : a) for (InfraFact y : b) if (x.overlaps(y)) return true;
        return false;
    }

    private void join(int a, int b, PairSet spanning, List<Long> order) {
        if (a == b) return;
        int ra = find(a), rb = find(b);
        if (ra == rb) return;
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
        long p = PairSet.pack(a, b);
        if (spanning.add(p)) order.add(p);
    }

    private int[] byRank(List<Integer> devices) {
        Integer[] ds = new LinkedHashSet<>(devices).toArray(new Integer[0]);
        Arrays.sort(ds, (x, y) -> fingerprint[x] != fingerprint[y] ? Long.compare(fingerprint[x], fingerprint[y]) : Integer.compare(x, y));
        int[] out = new int[ds.length];
        for (int i = 0; i < ds.length; i++) out[i] = ds[i];
        return out;
    }

    private void resetGroups() {
        for (int i = 0; i < parent.length; i++) parent[i] = i;
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    /**
     * A fingerprint of what a device holds (its group, platform, verdict and every sighting), not of its
     * name, so that relabelling devices cannot change which device a key's devices are joined to.
     */
    static long fingerprint(DeviceEvidence d) {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h, d.device().group().hashCode());
        h = mix(h, d.device().platform().hashCode());
        h = mix(h, d.verdict().ordinal());
        for (Sighting s : d.sightings()) {
            h = mix(h, s.value().type().ordinal());
            h = mix(h, s.value().value().hashCode());
            h = mix(h, s.trace().ordinal());
            h = mix(h, s.count());
            h = mix(h, s.firstSeen() == null ? 0 : s.firstSeen().getEpochSecond());
            h = mix(h, s.lastSeen() == null ? 0 : s.lastSeen().getEpochSecond());
        }
        return h;
    }

    private static long mix(long h, long x) {
        h ^= x + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
    }
}
