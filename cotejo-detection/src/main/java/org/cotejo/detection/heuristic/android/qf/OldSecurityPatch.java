package org.cotejo.detection.heuristic.android.qf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.android.qf.AndroidQfAcquisition;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * A security patch level more than six months (186 days, MVT's 6 × 31) older than the acquisition
 * (MEDIUM): an unpatched phone is open to known exploits. MVT measures from the day it runs; Cotejo
 * measures from the acquisition's start ({@code acquisition.json}) or, without it, from the newest time
 * in the collection's file listing and logs, so the same evidence gives the same result on any day. With
 * neither, there is nothing to measure from and the rule stays silent.
 */
public final class OldSecurityPatch implements Heuristic {
    static final String PROPERTY = "ro.build.version.security_patch";
    static final Duration MAX_AGE = Duration.ofDays(186);

    @Override public String id() { return "android.getprop.old-security-patch"; }
    @Override public String description() {
        return "A security patch more than six months older than the acquisition: the phone is open to known exploits";
    }
    /**
     * The properties of an AndroidQF collection or, for a bugreport checked on its own, of its dumpstate;
     * times from the collection's file listing and logs or the bugreport's file times. One alert per
     * device at most: in a collection with a nested bugreport the collection's own getprop.txt wins.
     */
    @Override public Set<String> modules() {
        return Set.of("aqf_get_prop", "dumpsys_get_prop", "aqf_files", "aqf_log_timestamps", "bugreport_timestamps");
    }

    @Override
    public Session start(HeuristicContext context) {
        Instant started = context.extraction() == null ? null
                : context.extraction().service(AndroidQfAcquisition.class).flatMap(AndroidQfAcquisition::started).orElse(null);
        return new Session() {
            Record patch;
            Instant newest;

            @Override
            public void inspect(Record record, org.cotejo.detection.heuristic.AlertSink out) {
                if (record.module().equals("aqf_get_prop") || record.module().equals("dumpsys_get_prop")) {
                    if (patch == null && PROPERTY.equals(record.fields().string("name"))) patch = record;
                    return;
                }
                for (TimelineEvent e : record.timeline()) if (newest == null || e.time().isAfter(newest)) newest = e.time();
            }

            @Override
            public void finish(org.cotejo.detection.heuristic.AlertSink out) {
                Instant reference = started != null ? started : newest;
                if (patch == null || reference == null) return;
                String value = patch.fields().text("value").strip();
                LocalDate date;
                try {
                    date = LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    return; // not a date: nothing to compare (MVT stops the module here)
                }
                Instant patched = date.atStartOfDay(ZoneOffset.UTC).toInstant();
                if (!patched.isBefore(reference.minus(MAX_AGE))) return;
                long days = Duration.between(patched, reference).toDays();
                String from = started != null ? "the acquisition started (" + started + ")"
                        : "the newest time in the collection (" + reference + "; acquisition.json gives no start)";
                out.alert(new Alert(Level.MEDIUM, id(), "This phone has not received security updates for more than six months"
                        + " (last update: " + value + ", " + days + " days before " + from + "); known exploits work on it ("
                        + patch.provenance().describe() + ")", null, patch));
            }
        };
    }
}
