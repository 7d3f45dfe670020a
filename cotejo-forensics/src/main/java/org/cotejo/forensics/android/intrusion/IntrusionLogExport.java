package org.cotejo.forensics.android.intrusion;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the intrusion-log modules share about one export, attached to its extraction: the device's zone
 * when the caller knows it, what the opener could not list, and which problems were already reported.
 * The three event modules each read the files (see {@link IntrusionLogReader}); a broken line or an
 * unknown event type is said once, by whichever module meets it first, not once per module.
 */
public final class IntrusionLogExport {
    /** Past this many distinct problems the rest go unsaid: a file of garbage must not fill the memory. */
    private static final int MAX_REMEMBERED = 10_000;

    private final ZoneId zone;
    private final List<String> skipped;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    IntrusionLogExport(ZoneId zone, List<String> skipped) {
        this.zone = zone;
        this.skipped = List.copyOf(skipped);
    }

    /** A fresh record of an export opened without {@link IntrusionLogs} (no zone, nothing skipped). */
    static IntrusionLogExport unknown() {
        return new IntrusionLogExport(null, List.of());
    }

    /** The device's zone ({@code persist.sys.timezone}), when the caller gave it. */
    public Optional<ZoneId> zone() { return Optional.ofNullable(zone); }

    /** Entries the opener refused or could not open, each with its reason. */
    public List<String> skipped() { return skipped; }

    /**
     * True the first time {@code key} is asked about in this export, false afterwards: the caller reports
     * the problem only when true.
     */
    boolean firstTime(String key) {
        if (reported.size() >= MAX_REMEMBERED) return false;
        return reported.add(key);
    }
}
