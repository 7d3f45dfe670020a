package org.cotejo.forensics.record;

import java.util.List;
import java.util.Objects;

/**
 * One row an artifact module read: its fields (MVT's shape), where it came from, the observables in
 * it and its timeline events.
 *
 * @param module      the module's slug ("sms", "safari_history")
 * @param fields      the row
 * @param provenance  file, hash and place inside the file
 * @param observables typed values for detection, each with its field and trace class
 * @param timeline    events for the timeline (may be empty; a {@link LazyTimeline} is kept as it is, made when first read)
 */
public record Record(String module, Fields fields, Provenance provenance, List<ObservedValue> observables,
                     List<TimelineEvent> timeline) {
    public Record {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(provenance, "provenance");
        observables = List.copyOf(observables);
        timeline = timeline instanceof LazyTimeline ? timeline : List.copyOf(timeline);
    }

    /**
     * This record's module and provenance without its fields, observables or timeline: what a heuristic
     * keeps to cite where a pattern began when it must remember one record per pair or name over a
     * whole capture.
     */
    public Record located() {
        return new Record(module, Fields.builder().build(), provenance, List.of(), List.of());
    }
}
