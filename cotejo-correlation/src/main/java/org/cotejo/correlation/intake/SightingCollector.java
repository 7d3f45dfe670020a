package org.cotejo.correlation.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.core.observable.Observable;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Detection;
import org.cotejo.detection.Findings;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * Turns the records of one device's scan, as they stream by, and the scan's findings into the device's
 * {@link DeviceEvidence}: one sighting per distinct observable with its count, first and last time,
 * strongest trace class, an example of where it was seen, and the indicators that matched it.
 *
 * <p>What is kept: every value whose type is operator level by default (domains, URLs, addresses,
 * e-mail accounts, server certificates: the values correlation links on and proposes as pivots), and
 * any other value an indicator matched. Unmatched tool-level values (the 500,000 paths of a file
 * listing) say nothing about a source and are counted, not kept, so memory stays bounded.
 */
public final class SightingCollector {
    private static final class Agg {
        long count;
        TraceClass trace;
        Instant first;
        Instant last;
        String example;
    }

    private final Map<Observable, Agg> byValue = new HashMap<>();
    private long unkept;

    /** Takes one record's observables. */
    public void accept(Record r) {
        Instant first = null;
        Instant last = null;
        for (TimelineEvent e : r.timeline()) {
            if (first == null || e.time().isBefore(first)) first = e.time();
            if (last == null || e.time().isAfter(last)) last = e.time();
        }
        for (ObservedValue o : r.observables()) {
            if (EvidenceLevel.defaultFor(o.observable().type()) == EvidenceLevel.TOOL) {
                unkept++;
                continue;
            }
            add(o.observable(), o.trace(), first, last, r);
        }
    }

    private Agg add(Observable value, TraceClass trace, Instant first, Instant last, Record r) {
        Agg a = byValue.computeIfAbsent(key(value), k -> new Agg());
        a.count++;
        // The strongest kind of trace: implant traces come first in TraceClass's order.
        if (a.trace == null || trace.ordinal() < a.trace.ordinal()) a.trace = trace;
        if (first != null && (a.first == null || first.isBefore(a.first))) a.first = first;
        if (last != null && (a.last == null || last.isAfter(a.last))) a.last = last;
        if (a.example == null) a.example = example(r);
        return a;
    }

    /** The raw text is evidence, but two spellings of one value are one sighting. */
    private static Observable key(Observable o) {
        return new Observable(o.type(), o.value(), o.value());
    }

    private static String example(Record r) {
        Provenance p = r.provenance();
        return r.module() + ": " + p.logical() + (p.locator().isEmpty() ? "" : " (" + p.locator() + ")");
    }

    /** Values counted but not kept (unmatched tool-level values). */
    public long unkept() { return unkept; }

    /** The device's evidence: sightings sorted by type and value, matches from the findings' detections. */
    public DeviceEvidence finish(DeviceRef device, Findings findings, List<String> sources) {
        Map<Observable, List<MatchRef>> matches = new LinkedHashMap<>();
        for (Detection d : findings.detections()) {
            Observable v = key(d.observed().observable());
            if (!byValue.containsKey(v)) {
                Record r = d.record();
                Instant t = d.time();
                add(v, d.observed().trace(), t, t, r);
            }
            var ind = d.match().indicator();
            var coll = ind.collection();
            String threat = coll.indicates() == null ? "" : coll.indicates().name();
            MatchRef m = new MatchRef(ind.id(), coll.name(), coll.sourceSha256(), threat, EvidenceLevel.fromKey(ind.statedLevel()), d.disposition());
            List<MatchRef> list = matches.computeIfAbsent(v, k -> new ArrayList<>());
            if (!list.contains(m)) list.add(m);
        }
        List<Sighting> out = new ArrayList<>(byValue.size());
        for (Map.Entry<Observable, Agg> e : byValue.entrySet()) {
            Agg a = e.getValue();
            List<MatchRef> ms = new ArrayList<>(matches.getOrDefault(e.getKey(), List.of()));
            ms.sort(java.util.Comparator.comparing(MatchRef::collection).thenComparing(MatchRef::indicatorId));
            out.add(new Sighting(e.getKey(), a.trace, a.count, a.first, a.last, a.example, ms));
        }
        out.sort(java.util.Comparator.comparing(Sighting::value));
        return new DeviceEvidence(device, findings.verdict().verdict(), out, sources);
    }
}
