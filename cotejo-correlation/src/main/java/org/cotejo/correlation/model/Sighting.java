package org.cotejo.correlation.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cotejo.core.observable.Observable;
import org.cotejo.forensics.record.TraceClass;

/**
 * One observable value as seen on one device, aggregated over the device's records: how often, when
 * first and last, in which kind of trace, where (one example provenance), and the indicators it matched.
 *
 * @param value      the normalised value with its type
 * @param trace      the strongest kind of trace it was seen in (implant traces before network, delivery, browsing)
 * @param count      records it was seen in
 * @param firstSeen  earliest record time, or null when no record gave one
 * @param lastSeen   latest record time, or null
 * @param example    where it was seen, for the explanation: "module: file (locator)"
 * @param matches    indicators that matched it (empty for an unknown value)
 */
public record Sighting(Observable value, TraceClass trace, long count, Instant firstSeen, Instant lastSeen,
                       String example, List<MatchRef> matches) {
    public Sighting {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(trace, "trace");
        if (count < 1) throw new IllegalArgumentException("count must be at least 1");
        example = example == null ? "" : example;
        matches = List.copyOf(matches);
    }

    /** Whether an indicator matched it with the disposition "evidence". */
    public boolean isEvidence() {
        return matches.stream().anyMatch(m -> m.disposition() == org.cotejo.detection.Disposition.EVIDENCE);
    }
}
