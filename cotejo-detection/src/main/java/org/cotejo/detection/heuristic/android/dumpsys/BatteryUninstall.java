package org.cotejo.detection.heuristic.android.dumpsys;

import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;

/**
 * A package uninstalled, as the daily battery statistics record it (version 0): spyware removing
 * itself, or an app removed to hide what it did, leaves this trace after the app is gone (MEDIUM, as MVT).
 */
public final class BatteryUninstall implements Heuristic {
    @Override public String id() { return "android.dumpsys.battery-uninstall"; }
    @Override public String description() {
        return "Packages uninstalled, from the daily battery statistics (version 0): traces of apps that are gone";
    }
    @Override public Set<String> modules() { return Set.of("dumpsys_battery_daily"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            if (!"0".equals(record.fields().string("vers"))) return;
            String p = record.fields().text("package_name");
            out.alert(new Alert(Level.MEDIUM, id(), "Detected uninstall of package " + p + " (vers 0) on " + record.fields().text("from")
                    + "; an uninstalled app may have been removed to hide it (" + record.provenance().describe() + ")",
                    WallClock.of(record.fields(), record.fields().string("from")), record));
        };
    }
}
