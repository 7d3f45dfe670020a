package org.cotejo.forensics.record;

import java.time.Instant;
import java.util.Objects;

/**
 * One timeline line: when, which module, what happened (MVT's "event", Timesketch's
 * {@code timestamp_desc}) and a sentence describing it.
 */
public record TimelineEvent(Instant time, String module, String event, String description) implements Comparable<TimelineEvent> {
    public TimelineEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public int compareTo(TimelineEvent o) {
        int c = time.compareTo(o.time);
        if (c != 0) return c;
        c = module.compareTo(o.module);
        if (c != 0) return c;
        c = event.compareTo(o.event);
        return c != 0 ? c : description.compareTo(o.description);
    }
}
