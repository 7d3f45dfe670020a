package org.cotejo.detection.heuristic.android.dumpsys;

import java.util.HashSet;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.detection.heuristic.android.AndroidPackageLists;

/**
 * An installed package that roots the phone or hides that it is rooted (dumpsys package): root removes
 * Android's sandbox, so any app, an implant included, can read every other app's data (MEDIUM, once per
 * package, as MVT).
 */
public final class RootPackage implements Heuristic {
    @Override public String id() { return "android.dumpsys.root-package"; }
    @Override public String description() {
        return "Installed packages that root the phone or hide root (dumpsys package): root lifts the app sandbox";
    }
    @Override public Set<String> modules() { return Set.of("dumpsys_packages"); }

    @Override
    public Session start(HeuristicContext context) {
        Set<String> seen = new HashSet<>();
        return (record, out) -> {
            String p = record.fields().string("package_name");
            if (p == null || !AndroidPackageLists.ROOT_PACKAGES.contains(p) || !seen.add(p)) return;
            out.alert(new Alert(Level.MEDIUM, id(), "Found an installed package related to rooting/jailbreaking: \"" + p
                    + "\"; a rooted phone no longer keeps apps apart, so any app, spyware included, can read all data ("
                    + record.provenance().describe() + ")", null, record));
        };
    }
}
