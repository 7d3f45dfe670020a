package org.cotejo.forensics.record;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * A record's timeline events, made when first asked for. A check of an organisation's logs reads
 * millions of records whose events are never written (only matched ones are, by default); making each
 * event's description text for all of them would cost more than reading the line. The events are a pure
 * function of the record's immutable fields, so a race between two threads only makes them twice.
 */
public final class LazyTimeline extends AbstractList<TimelineEvent> implements RandomAccess {
    private final Supplier<List<TimelineEvent>> make;
    private volatile List<TimelineEvent> events;

    public LazyTimeline(Supplier<List<TimelineEvent>> make) {
        this.make = make;
    }

    private List<TimelineEvent> events() {
        List<TimelineEvent> e = events;
        if (e == null) events = e = List.copyOf(make.get());
        return e;
    }

    @Override public TimelineEvent get(int index) { return events().get(index); }

    @Override public int size() { return events().size(); }
}
