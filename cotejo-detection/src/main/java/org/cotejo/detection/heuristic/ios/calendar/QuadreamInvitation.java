package org.cotejo.detection.heuristic.ios.calendar;

import java.time.Instant;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * QuaDream's iOS exploit (ENDOFDAYS) arrived as an iCloud calendar invitation that stayed invisible
 * to the user; the events it left are titled "Meeting" with the description "Notes". Both must match
 * exactly, as in MVT: a real meeting titled "Meeting" rarely has exactly that description.
 */
public final class QuadreamInvitation implements Heuristic {
    @Override public String id() { return "calendar.quadream-invitation"; }
    @Override public String description() { return "Calendar event shaped like QuaDream's exploit invitation (summary \"Meeting\", description \"Notes\")"; }
    @Override public Set<String> modules() { return Set.of("calendar"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            if (!"Meeting".equals(f.string("summary")) || !"Notes".equals(f.string("description"))) return;
            String organiser = f.string("participant_email");
            out.alert(new Alert(Level.HIGH, id(), "Potential QuaDream exploit event identified: " + f.text("uuid")
                    + " (calendar event \"Meeting\" with description \"Notes\""
                    + (organiser == null || organiser.isBlank() ? "" : ", invitation by " + organiser)
                    + ", " + record.provenance().describe() + ")", when(f), record));
        };
    }

    /** When the invitation reached the calendar, else when the event was set for. */
    private static Instant when(Fields f) {
        Instant created = MvtTime.parse(f.string("creation_date"));
        return created != null ? created : MvtTime.parse(f.string("start_date"));
    }
}
