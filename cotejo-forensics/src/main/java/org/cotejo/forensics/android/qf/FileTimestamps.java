package org.cotejo.forensics.android.qf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Timeline events of a file's times, one per distinct time, named the way forensic timelines (and MVT)
 * name them: a four-letter MACB string with {@code M} modified, {@code A} accessed, {@code C} changed
 * (inode change) and {@code -} for a time that differs (Android file listings carry no birth time).
 */
final class FileTimestamps {
    private FileTimestamps() {}

    static List<TimelineEvent> macb(String module, String description, Instant modified, Instant accessed, Instant changed,
                                    boolean deviceLocal) {
        Set<Instant> distinct = new LinkedHashSet<>();
        for (Instant t : new Instant[] {modified, accessed, changed}) if (t != null) distinct.add(t);
        List<TimelineEvent> out = new ArrayList<>(distinct.size());
        for (Instant t : distinct) {
            String event = (Objects.equals(t, modified) ? "M" : "-") + (Objects.equals(t, accessed) ? "A" : "-")
                    + (Objects.equals(t, changed) ? "C" : "-") + "-";
            out.add(new TimelineEvent(t, module, event, description, deviceLocal));
        }
        return out;
    }
}
