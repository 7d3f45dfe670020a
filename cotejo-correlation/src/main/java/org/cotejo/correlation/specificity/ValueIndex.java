package org.cotejo.correlation.specificity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.level.LevelResolver;
import org.cotejo.correlation.level.ResolvedLevel;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Disposition;
import org.cotejo.indicators.warninglist.WarningHit;
import org.cotejo.indicators.warninglist.WarningLists;

/**
 * Every value seen on any device, interned to an integer, with where it occurs (how many devices, of
 * which role), what it can do (its {@link ValueRole} and level) and why it was excluded when it was.
 * Built in two passes over the devices; the inverted index (value → targeted devices) is kept only for
 * values that can link, show a tool, or become pivots, so memory stays linear in the sightings.
 */
public final class ValueIndex {
    private final List<DeviceEvidence> devices;
    private final DeviceRole[] deviceRoles;
    private final int[][] deviceValues;
    private final Sighting[][] deviceSightings;
    /** Per type, so interning needs no "type:value" string per sighting (5 million of them at scale). */
    private final Map<ObservableType, Map<String, Integer>> ids = new java.util.EnumMap<>(ObservableType.class);
    private final List<Observable> observables = new ArrayList<>();
    private int[] onDevices, onTargeted, onBackground;
    private ValueRole[] roles;
    private final Map<Integer, ResolvedLevel> levels = new HashMap<>();
    private final Map<Integer, Exclusion> exclusions = new HashMap<>();
    private final Map<Integer, Set<MatchRef>> matches = new HashMap<>();
    private int[] postStart, postDevices;
    private final int targeted, background;
    private final int pivotBackgroundLimit;
    private final double pivotLift;
    private final java.util.BitSet pivotCandidates = new java.util.BitSet();

    /**
     * @param merged    devices merged by id ({@link DeviceMerger#merge})
     * @param confirmed keys ("type:value") of pivots an analyst confirmed, with the note to show
     * @param rejected  keys of pivots an analyst rejected, with the note to show
     */
    public ValueIndex(List<DeviceEvidence> merged, LevelResolver levelResolver, WarningLists warningLists, FanOutCap cap,
                      Map<String, String> confirmed, Map<String, String> rejected) {
        this(merged, levelResolver, warningLists, cap, confirmed, rejected, 1.0, Double.POSITIVE_INFINITY);
    }

    /**
     * @param pivotBackground an unknown value on more than max(1, this × background devices) background
     *                        devices becomes a pivot candidate only when...
     * @param pivotLift       ...its share of the targeted devices is at least this many times its share of the
     *                        background devices (each count plus one)
     */
    public ValueIndex(List<DeviceEvidence> merged, LevelResolver levelResolver, WarningLists warningLists, FanOutCap cap,
                      Map<String, String> confirmed, Map<String, String> rejected, double pivotBackground, double pivotLift) {
        devices = List.copyOf(merged);
        int n = devices.size();
        deviceRoles = new DeviceRole[n];
        deviceValues = new int[n][];
        deviceSightings = new Sighting[n][];
        int t = 0, b = 0;
        for (int d = 0; d < n; d++) {
            DeviceEvidence e = devices.get(d);
            deviceRoles[d] = roleOf(e);
            if (deviceRoles[d] == DeviceRole.TARGETED) t++;
            if (deviceRoles[d] == DeviceRole.BACKGROUND) b++;
            intern(d, e.sightings());
        }
        targeted = t;
        background = b;
        pivotBackgroundLimit = (int) Math.max(1, Math.floor(pivotBackground * b));
        this.pivotLift = pivotLift;
        count();
        decideRoles(levelResolver, warningLists, cap, confirmed, rejected);
        buildPostings();
    }

    static DeviceRole roleOf(DeviceEvidence e) {
        if (e.targeted()) return DeviceRole.TARGETED;
        boolean matched = e.sightings().stream().flatMap(s -> s.matches().stream())
                .anyMatch(m -> m.disposition() == Disposition.EVIDENCE || m.disposition() == Disposition.EXPOSURE);
        return matched ? DeviceRole.EXPOSED : DeviceRole.BACKGROUND;
    }

    private void intern(int d, List<Sighting> sightings) {
        int m = sightings.size();
        long[] order = new long[m];
        for (int i = 0; i < m; i++) {
            Observable o = sightings.get(i).value();
            Map<String, Integer> ofType = ids.computeIfAbsent(o.type(), k -> new HashMap<>());
            Integer id = ofType.get(o.value());
            if (id == null) {
                id = observables.size();
                ofType.put(o.value(), id);
                observables.add(o);
            }
            order[i] = ((long) id << 32) | i;
        }
        Arrays.sort(order);
        int[] vs = new int[m];
        Sighting[] ss = new Sighting[m];
        for (int i = 0; i < m; i++) {
            vs[i] = (int) (order[i] >>> 32);
            ss[i] = sightings.get((int) order[i]);
        }
        deviceValues[d] = vs;
        deviceSightings[d] = ss;
    }

    private void count() {
        int v = observables.size();
        onDevices = new int[v];
        onTargeted = new int[v];
        onBackground = new int[v];
        for (int d = 0; d < devices.size(); d++) {
            int[] vs = deviceValues[d];
            for (int i = 0; i < vs.length; i++) {
                onDevices[vs[i]]++;
                if (deviceRoles[d] == DeviceRole.TARGETED) onTargeted[vs[i]]++;
                else if (deviceRoles[d] == DeviceRole.BACKGROUND) onBackground[vs[i]]++;
                List<MatchRef> ms = deviceSightings[d][i].matches();
                if (!ms.isEmpty()) matches.computeIfAbsent(vs[i], k -> new TreeSet<>(DeviceMerger.MATCH_ORDER)).addAll(ms);
            }
        }
    }

    private void decideRoles(LevelResolver resolver, WarningLists lists, FanOutCap cap, Map<String, String> confirmed,
                             Map<String, String> rejected) {
        int v = observables.size();
        roles = new ValueRole[v];
        int n = devices.size();
        for (int id = 0; id < v; id++) {
            Observable o = observables.get(id);
            String key = key(o.type(), o.value());
            Set<MatchRef> ms = matches.get(id);
            boolean matched = ms != null;
            // Unknown values are checked only when they could become pivot candidates (rare among background
            // devices): a common unknown value links nothing either way, and checking them all costs seconds.
            boolean pivotEligible = !matched && onTargeted[id] >= 2 && rareInBackground(id)
                    && EvidenceLevel.defaultFor(o.type()) == EvidenceLevel.OPERATOR;
            boolean decided = confirmed.containsKey(key) || rejected.containsKey(key);
            if (pivotEligible) pivotCandidates.set(id);
            if (!matched && !pivotEligible && !decided) {
                roles[id] = ValueRole.UNKNOWN;
                continue;
            }
            // Only values that could count are checked against the warning lists: the rest never link anyway.
            Exclusion ex = exclusionOf(o, ms, lists, cap, onDevices[id], n);
            if (ex == null && rejected.containsKey(key)) ex = new Exclusion(Exclusion.Reason.REJECTED_PIVOT, rejected.get(key));
            if (ex != null) {
                roles[id] = ValueRole.EXCLUDED;
                exclusions.put(id, ex);
            } else if (matched) {
                ResolvedLevel level = resolver.resolve(o.type(), ms.stream().filter(ValueIndex::counts).toList());
                levels.put(id, level);
                roles[id] = level.level() == EvidenceLevel.TOOL ? ValueRole.TOOL : ValueRole.LINKING;
            } else if (confirmed.containsKey(key)) {
                levels.put(id, new ResolvedLevel(EvidenceLevel.OPERATOR, "pivot", confirmed.get(key)));
                roles[id] = ValueRole.LINKING;
            } else {
                roles[id] = ValueRole.UNKNOWN;
            }
        }
    }

    /**
     * Rare among background devices: on almost none of them, or far more frequent among targeted devices. An
     * operator's unknown domain is also on its targets that no indicator caught (background devices to
     * correlation), so an absolute limit alone would drop exactly the pivots worth finding.
     */
    private boolean rareInBackground(int id) {
        if (onBackground[id] <= pivotBackgroundLimit) return true;
        double targetedShare = (double) onTargeted[id] / Math.max(1, targeted);
        double backgroundShare = (onBackground[id] + 1.0) / (background + 1.0);
        return targetedShare >= pivotLift * backgroundShare;
    }

    private static boolean counts(MatchRef m) {
        return m.disposition() == Disposition.EVIDENCE || m.disposition() == Disposition.EXPOSURE;
    }

    private static Exclusion exclusionOf(Observable o, Set<MatchRef> ms, WarningLists lists, FanOutCap cap, int on, int n) {
        if (ms != null) {
            for (MatchRef m : ms) {
                if (m.disposition() == Disposition.WARNING_LISTED) {
                    return new Exclusion(Exclusion.Reason.WARNING_LISTED, "the detection stage marked indicator " + m.indicatorId()
                            + " of " + m.collection() + " as warning-listed");
                }
            }
        }
        List<WarningHit> hits = lists.check(o);
        if (!hits.isEmpty()) return new Exclusion(Exclusion.Reason.WARNING_LISTED, hits.get(0).toString());
        if (cap.exceeds(on, n)) {
            return new Exclusion(Exclusion.Reason.FAN_OUT, "on " + on + " devices, more than the cap " + cap.describe(n));
        }
        if (ms != null && ms.stream().noneMatch(ValueIndex::counts)) {
            MatchRef m = ms.iterator().next();
            return new Exclusion(Exclusion.Reason.FALSE_POSITIVE, "indicator " + m.indicatorId() + " of " + m.collection()
                    + " matched with the disposition " + m.disposition().label() + ": " + m.disposition().meaning());
        }
        return null;
    }

    private void buildPostings() {
        int v = observables.size();
        postStart = new int[v + 1];
        for (int d = 0; d < devices.size(); d++) {
            if (deviceRoles[d] != DeviceRole.TARGETED) continue;
            for (int id : deviceValues[d]) if (indexed(id)) postStart[id + 1]++;
        }
        for (int i = 0; i < v; i++) postStart[i + 1] += postStart[i];
        postDevices = new int[postStart[v]];
        int[] fill = Arrays.copyOf(postStart, v);
        for (int d = 0; d < devices.size(); d++) {
            if (deviceRoles[d] != DeviceRole.TARGETED) continue;
            for (int id : deviceValues[d]) if (indexed(id)) postDevices[fill[id]++] = d;
        }
    }

    private boolean indexed(int id) {
        return roles[id] == ValueRole.LINKING || roles[id] == ValueRole.TOOL
                || (roles[id] == ValueRole.UNKNOWN && pivotCandidates.get(id))
                || (roles[id] == ValueRole.EXCLUDED && exclusions.get(id).reason() == Exclusion.Reason.REJECTED_PIVOT);
    }

    public static String key(ObservableType type, String value) {
        return type.key() + ":" + value;
    }

    public int deviceCount() { return devices.size(); }

    public int targetedCount() { return targeted; }

    public int backgroundCount() { return background; }

    public DeviceEvidence device(int d) { return devices.get(d); }

    public List<DeviceEvidence> devices() { return devices; }

    public DeviceRole role(int d) { return deviceRoles[d]; }

    /** The device's value ids, ascending. */
    public int[] valuesOf(int d) { return deviceValues[d]; }

    /** The device's sightings, aligned with {@link #valuesOf}. */
    public Sighting[] sightingsOf(int d) { return deviceSightings[d]; }

    /** The device's sighting of a value, or null. */
    public Sighting sighting(int d, int value) {
        int i = Arrays.binarySearch(deviceValues[d], value);
        return i < 0 ? null : deviceSightings[d][i];
    }

    public int valueCount() { return observables.size(); }

    /** The id of a "type:value" key, or null. */
    public Integer id(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) return null;
        return ObservableType.fromKey(key.substring(0, colon)).map(t -> ids.getOrDefault(t, Map.of()).get(key.substring(colon + 1))).orElse(null);
    }

    public Observable observable(int value) { return observables.get(value); }

    public String key(int value) {
        Observable o = observables.get(value);
        return key(o.type(), o.value());
    }

    public ValueRole valueRole(int value) { return roles[value]; }

    /** The resolved level of a linking or tool value, else null. */
    public ResolvedLevel level(int value) { return levels.get(value); }

    public Exclusion exclusion(int value) { return exclusions.get(value); }

    /** Ids of excluded values, ascending. */
    public int[] excludedValues() { return exclusions.keySet().stream().mapToInt(Integer::intValue).sorted().toArray(); }

    public Set<MatchRef> matchesOf(int value) { return matches.getOrDefault(value, Set.of()); }

    public int onDevices(int value) { return onDevices[value]; }

    public int onTargeted(int value) { return onTargeted[value]; }

    public int onBackground(int value) { return onBackground[value]; }

    /**
     * Whether an unknown value qualifies as a pivot candidate: of a type an operator sets up, on two or more
     * targeted devices, on at most the limit of background devices, and on no warning list.
     */
    public boolean isPivotCandidate(int value) {
        return roles[value] == ValueRole.UNKNOWN && pivotCandidates.get(value);
    }

    /** Targeted devices showing an indexed value (linking, tool, rejected pivot, or pivot candidate), ascending; else empty. */
    public int[] targetedDevices(int value) { return Arrays.copyOfRange(postDevices, postStart[value], postStart[value + 1]); }

    /** Number of targeted devices in {@link #targetedDevices}, without copying. */
    public int postingSize(int value) { return postStart[value + 1] - postStart[value]; }

    /** The i-th entry of the posting list (for loops that must not allocate). */
    public int posting(int value, int i) { return postDevices[postStart[value] + i]; }
}
