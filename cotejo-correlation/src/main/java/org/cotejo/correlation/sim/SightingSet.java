package org.cotejo.correlation.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.Observable;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Disposition;
import org.cotejo.detection.Verdict;
import org.cotejo.forensics.record.TraceClass;

/**
 * The observables of one phone being generated, merged per value as the detection stage aggregates its
 * records: the strongest trace class, the number of records, the first and last time.
 */
final class SightingSet {
    private static final class Acc {
        TraceClass trace;
        long count;
        Instant first;
        Instant last;
        List<MatchRef> matches;
        String example;
    }

    private final Map<Observable, Acc> byValue = new LinkedHashMap<>();

    void add(Observable value, TraceClass trace, int count, Instant first, Instant last, List<MatchRef> matches, String example) {
        Acc a = byValue.get(value);
        if (a == null) {
            a = new Acc();
            a.trace = trace;
            a.first = first;
            a.last = last;
            a.matches = matches;
            a.example = example;
            byValue.put(value, a);
        } else {
            // TraceClass lists the kinds from the strongest (the implant itself) to the weakest.
            if (trace.ordinal() < a.trace.ordinal()) {
                a.trace = trace;
                a.matches = matches;
                a.example = example;
            }
            if (first.isBefore(a.first)) a.first = first;
            if (last.isAfter(a.last)) a.last = last;
        }
        a.count += count;
    }

    boolean isEmpty() { return byValue.isEmpty(); }

    int size() { return byValue.size(); }

    /** The sightings of the values {@code keep} selects, sorted by type then value as DeviceEvidence wants them. */
    List<Sighting> sightings(java.util.function.Predicate<Observable> keep) {
        List<Sighting> out = new ArrayList<>(byValue.size());
        byValue.forEach((v, a) -> {
            if (keep.test(v)) out.add(new Sighting(v, a.trace, a.count, a.first, a.last, a.example, a.matches));
        });
        out.sort((x, y) -> x.value().compareTo(y.value()));
        return out;
    }

    Set<Observable> values() { return byValue.keySet(); }

    /**
     * Cotejo's verdict rule ({@link org.cotejo.detection.VerdictRule}) applied to sightings: infected needs
     * indicator evidence in two trace classes, one of them showing the implant; implant evidence in one
     * class is inconclusive; delivery or network evidence alone is attempted. The simulator has no
     * heuristic alerts, so the rule's alert branches never apply.
     */
    static Verdict verdict(List<Sighting> sightings) {
        Set<TraceClass> classes = EnumSet.noneOf(TraceClass.class);
        for (Sighting s : sightings) {
            for (MatchRef m : s.matches()) if (m.disposition() == Disposition.EVIDENCE) classes.add(s.trace());
        }
        boolean implant = classes.stream().anyMatch(TraceClass::showsImplant);
        if (implant && classes.size() >= 2) return Verdict.INFECTED;
        if (implant) return Verdict.INCONCLUSIVE;
        if (classes.contains(TraceClass.DELIVERY) || classes.contains(TraceClass.NETWORK)) return Verdict.ATTEMPTED;
        return Verdict.NOTHING_FOUND;
    }
}
