package org.cotejo.correlation.specificity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Verdict;

/**
 * One entry per device: several extractions of one phone (the same id) become one device whose
 * sightings are the union, so a phone examined twice does not link to itself and does not count twice
 * in a value's spread. Sightings of one value are merged (counts added, earliest first and latest last
 * seen, the strongest trace, every match).
 */
public final class DeviceMerger {
    static final Comparator<MatchRef> MATCH_ORDER = Comparator.comparing(MatchRef::collection)
            .thenComparing(MatchRef::feedSha256).thenComparing(MatchRef::indicatorId)
            .thenComparing(MatchRef::disposition).thenComparing(m -> m.levelHint().map(Enum::name).orElse(""));

    private DeviceMerger() {}

    /** The devices merged by id, sorted by id; each device's sightings sorted by type and value. */
    public static List<DeviceEvidence> merge(List<DeviceEvidence> devices) {
        Map<String, List<DeviceEvidence>> byId = new TreeMap<>();
        for (DeviceEvidence d : devices) byId.computeIfAbsent(d.device().id(), k -> new ArrayList<>()).add(d);
        List<DeviceEvidence> out = new ArrayList<>(byId.size());
        for (List<DeviceEvidence> same : byId.values()) out.add(same.size() == 1 ? sorted(same.get(0)) : mergeOne(same));
        return out;
    }

    private static DeviceEvidence sorted(DeviceEvidence d) {
        List<Sighting> s = d.sightings();
        boolean ordered = true;
        for (int i = 1; i < s.size() && ordered; i++) ordered = compare(s.get(i - 1), s.get(i)) < 0;
        return ordered ? d : mergeOne(List.of(d));
    }

    private static int compare(Sighting a, Sighting b) {
        int c = a.value().type().compareTo(b.value().type());
        return c != 0 ? c : a.value().value().compareTo(b.value().value());
    }

    private static DeviceEvidence mergeOne(List<DeviceEvidence> same) {
        // Deterministic whatever the input order: the smallest reference names it, the strongest verdict wins.
        DeviceRef ref = same.stream().map(DeviceEvidence::device).min(Comparator.naturalOrder()).orElseThrow();
        Verdict verdict = same.stream().map(DeviceEvidence::verdict).min(Comparator.naturalOrder()).orElseThrow();
        Set<String> sources = new TreeSet<>();
        List<Sighting> all = new ArrayList<>();
        for (DeviceEvidence d : same) {
            sources.addAll(d.sources());
            all.addAll(d.sightings());
        }
        all.sort(DeviceMerger::compare);
        List<Sighting> sightings = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); ) {
            int j = i + 1;
            while (j < all.size() && compare(all.get(i), all.get(j)) == 0) j++;
            sightings.add(j == i + 1 ? all.get(i) : mergeSightings(new ArrayList<>(all.subList(i, j))));
            i = j;
        }
        return new DeviceEvidence(ref, verdict, sightings, new ArrayList<>(sources));
    }

    private static Sighting mergeSightings(List<Sighting> l) {
        l.sort(Comparator.comparing(Sighting::trace).thenComparing(Sighting::example).thenComparing(s -> s.value().raw()));
        Sighting first = l.get(0);
        long count = 0;
        Instant from = null, to = null;
        Set<MatchRef> matches = new TreeSet<>(MATCH_ORDER);
        for (Sighting s : l) {
            count += s.count();
            if (s.firstSeen() != null && (from == null || s.firstSeen().isBefore(from))) from = s.firstSeen();
            if (s.lastSeen() != null && (to == null || s.lastSeen().isAfter(to))) to = s.lastSeen();
            matches.addAll(s.matches());
        }
        return new Sighting(first.value(), first.trace(), count, from, to, first.example(), new ArrayList<>(new LinkedHashSet<>(matches)));
    }
}
