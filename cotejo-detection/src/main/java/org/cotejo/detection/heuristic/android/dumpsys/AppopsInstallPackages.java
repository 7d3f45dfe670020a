package org.cotejo.detection.heuristic.android.dumpsys;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;

/**
 * An app allowed to install other apps ({@code REQUEST_INSTALL_PACKAGES} in dumpsys appops): the door
 * through which a dropper brings in its implant (MEDIUM per recorded access, or once when no access is
 * recorded, as MVT).
 */
public final class AppopsInstallPackages implements Heuristic {
    static final String PERMISSION = "REQUEST_INSTALL_PACKAGES";

    @Override public String id() { return "android.dumpsys.appops-install-packages"; }
    @Override public String description() {
        return "Apps with the REQUEST_INSTALL_PACKAGES app operation (dumpsys appops): they can install other apps";
    }
    @Override public Set<String> modules() { return Set.of("dumpsys_appops"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            String pkg = record.fields().text("package_name");
            for (Object o : record.fields().list("permissions")) {
                if (!(o instanceof Map<?, ?> perm) || !PERMISSION.equals(perm.get("name"))) continue;
                List<?> entries = perm.get("entries") instanceof List<?> l ? l : List.of();
                if (entries.isEmpty()) {
                    out.alert(alert(record, pkg, "Unknown", "", null));
                }
                for (Object e : entries) {
                    if (e instanceof Map<?, ?> entry) {
                        String ts = entry.get("timestamp") == null ? "" : String.valueOf(entry.get("timestamp"));
                        out.alert(alert(record, pkg, String.valueOf(entry.get("access")), ts, WallClock.of(record.fields(), ts)));
                    }
                }
            }
        };
    }

    private Alert alert(org.cotejo.forensics.record.Record record, String pkg, String access, String ts, java.time.Instant when) {
        return new Alert(Level.MEDIUM, id(), "Package '" + pkg + "' had risky permission '" + PERMISSION + "' set to '" + access
                + "' at " + (ts.isEmpty() ? "an unrecorded time" : ts) + ": it can install other apps, the way droppers bring in spyware ("
                + record.provenance().describe() + ")", when, record);
    }
}
