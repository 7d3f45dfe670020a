package org.cotejo.forensics.record;

import java.time.Instant;
import java.util.Objects;

/**
 * One timeline line: when, which module, what happened (MVT's "event", Timesketch's
 * {@code timestamp_desc}) and a sentence describing it.
 *
 * @param deviceLocal the time is the device's wall clock read as if it were UTC, because the extraction
 *                    does not say which zone the device was in (Android logs and file listings without
 *                    {@code persist.sys.timezone}); outputs label such times "device local"
 */
public record TimelineEvent(Instant time, String module, String event, String description, boolean deviceLocal)
        implements Comparable<TimelineEvent> {
    public TimelineEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(description, "description");
    }

    /** An event whose time is a true UTC instant. */
    public TimelineEvent(Instant time, String module, String event, String description) {
        this(time, module, event, description, false);
    }

    @Override
    public int compareTo(TimelineEvent o) {
        int c = time.compareTo(o.time);
        if (c != 0) return c;
        c = module.compareTo(o.module);
        if (c != 0) return c;
        c = event.compareTo(o.event);
        c = description.compareTo(o.description);
        return c != 0 ? c : Boolean.compare(deviceLocal, o.deviceLocal);
    }
}
