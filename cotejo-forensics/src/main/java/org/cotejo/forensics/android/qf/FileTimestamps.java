package org.cotejo.forensics.android.qf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Timeline events of a file's times, one per distinct time, named the way forensic timelines (and MVT)
 * name them: a four-letter MACB string with {@code M} modified, {@code A} accessed, {@code C} changed
 * (inode change) and {@code -} for a time that differs (Android file listings carry no birth time).
 */
final class FileTimestamps {
    /** The MACB names by which of modified (4), accessed (2) and changed (1) share the time. */
    private static final String[] NAMES = {"----", "--C-", "-A--", "-AC-", "M---", "M-C-", "MA--", "MAC-"};

    private FileTimestamps() {}

    /** Events in the order modified, accessed, changed, each distinct time once (a listing runs to millions). */
    static List<TimelineEvent> macb(String module, String description, Instant modified, Instant accessed, Instant changed,
                                    boolean deviceLocal) {
        List<TimelineEvent> out = new ArrayList<>(3);
        Instant[] times = {modified, accessed, changed};
        for (int i = 0; i < 3; i++) {
            Instant t = times[i];
            if (t == null || (i > 0 && t.equals(times[0])) || (i > 1 && t.equals(times[1]))) continue;
            int which = (t.equals(modified) ? 4 : 0) | (t.equals(accessed) ? 2 : 0) | (t.equals(changed) ? 1 : 0);
            out.add(new TimelineEvent(t, module, NAMES[which], description, deviceLocal));
        }
        return out;
    }
}
