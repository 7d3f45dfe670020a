package org.cotejo.detection.heuristic.android.tombstone;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.android.tombstone.TombstoneTime;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * A native crash of a process running as root, system or shell (UID 0, 1000, 2000). Exploit chains
 * aim at exactly these processes, and a failed or unstable exploit leaves a tombstone behind; such
 * crashes also happen without any attack, hence MEDIUM. MVT runs this only when indicators are loaded;
 * Cotejo always does.
 */
public final class PrivilegedCrash implements Heuristic {
    private static final Map<Long, String> PRIVILEGED = Map.of(0L, "root", 1000L, "system", 2000L, "shell");

    @Override public String id() { return "android.tombstone.privileged-crash"; }
    @Override public String description() {
        return "Native crash of a process running as root, system or shell (UID 0/1000/2000): exploits often crash the privileged processes they target";
    }
    @Override public Set<String> modules() { return Set.of("tombstones"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            Long uid = f.longValue("uid");
            String user = uid == null ? null : PRIVILEGED.get(uid);
            if (user == null) return;
            String time = f.text("timestamp_raw").isEmpty() ? f.text("timestamp") : f.text("timestamp_raw");
            String when = time.isEmpty() ? "at an unknown time" : "at " + time;
            out.alert(new Alert(Level.MEDIUM, id(), "Potentially suspicious crash in process '" + f.text("process_name")
                    + "' running as UID '" + uid + "' (" + user + ") in tombstone '" + f.text("file_name") + "' " + when
                    + ": exploits often crash the privileged processes they target, so check what ran before it ("
                    + record.provenance().describe() + ")", when(f), record));
        };
    }

    /** The true instant when the tombstone gave its offset, else its wall clock. */
    private static Instant when(Fields f) {
        TombstoneTime t = TombstoneTime.parse(f.string("timestamp_raw"));
        return t != null ? t.instantOrWallClock() : MvtTime.parse(f.string("timestamp"));
    }
}
