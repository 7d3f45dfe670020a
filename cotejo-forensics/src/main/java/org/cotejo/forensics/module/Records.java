package org.cotejo.forensics.module;

import java.util.List;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.LazyTimeline;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Builds a record the way every path does it: the module's own observables and timeline for these fields.
 * A bulk traffic module's timeline is made when first read ({@link LazyTimeline}): most of its records are
 * judged and counted, never written.
 */
public final class Records {
    private Records() {}

    public static Record of(ArtifactModule module, Fields fields, Provenance provenance) {
        return of(module, fields, provenance, module.observe(fields));
    }

    /** The record with observables the module already read from these fields (what its {@code observe} gives for them). */
    public static Record of(ArtifactModule module, Fields fields, Provenance provenance, List<ObservedValue> observed) {
        List<TimelineEvent> timeline = module.bulk() ? new LazyTimeline(() -> module.timeline(fields)) : module.timeline(fields);
        return new Record(module.slug(), fields, provenance, observed, timeline);
    }
}
