package org.cotejo.detection.heuristic.ios.profiles;

import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * Every configuration-profile install or removal (LOW, as MVT): rare on a personal phone, and the
 * event outlives a profile removed to cover its tracks.
 */
public final class ProfileEvent implements Heuristic {
    @Override public String id() { return "profiles.event"; }
    @Override public String description() {
        return "Every configuration-profile install or removal, with the process that did it";
    }
    @Override public Set<String> modules() { return Set.of("profile_events"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            String when = f.text("timestamp").isEmpty() ? "at an unknown time" : "on " + f.text("timestamp");
            out.alert(new Alert(Level.LOW, id(), "Process \"" + f.text("process") + "\" started operation \"" + f.text("operation")
                    + "\" of configuration profile \"" + f.text("profile_id") + "\" " + when + " ("
                    + record.provenance().describe() + ")", MvtTime.parse(f.string("timestamp")), record));
        };
    }
}
