package org.cotejo.detection.heuristic.android.dumpsys;

import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;

/**
 * A package replaced by a lower version, as the daily battery statistics record it: downgrading an app
 * brings back a version with a known hole an exploit can use (MEDIUM, as MVT).
 */
public final class BatteryDowngrade implements Heuristic {
    @Override public String id() { return "android.dumpsys.battery-downgrade"; }
    @Override public String description() {
        return "Packages downgraded to a lower version, from the daily battery statistics: an old version may bring back a known hole";
    }
    @Override public Set<String> modules() { return Set.of("dumpsys_battery_daily"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            if (!"downgrade".equals(record.fields().string("action"))) return;
            out.alert(new Alert(Level.MEDIUM, id(), "Detected downgrade of package " + record.fields().text("package_name") + " from vers "
                    + record.fields().text("previous_vers") + " to vers " + record.fields().text("vers") + " on " + record.fields().text("from")
                    + "; an older version may carry a vulnerability an exploit needs (" + record.provenance().describe() + ")",
                    WallClock.of(record.fields(), record.fields().string("from")), record));
        };
    }
}
