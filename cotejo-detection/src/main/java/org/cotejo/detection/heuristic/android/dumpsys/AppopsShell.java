package org.cotejo.detection.heuristic.android.dumpsys;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;

/**
 * Any app operation recorded for {@code com.android.shell} (dumpsys appops), the identity of commands
 * run over ADB: someone drove the phone from a computer, which is how some implants are installed by
 * hand (MEDIUM per operation, as MVT; {@code REQUEST_INSTALL_PACKAGES} is left to
 * {@link AppopsInstallPackages}).
 */
public final class AppopsShell implements Heuristic {
    static final String SHELL = "com.android.shell";

    @Override public String id() { return "android.dumpsys.appops-shell"; }
    @Override public String description() {
        return "App operations of com.android.shell (dumpsys appops): commands were run on the phone over ADB";
    }
    @Override public Set<String> modules() { return Set.of("dumpsys_appops"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            if (!SHELL.equals(record.fields().string("package_name"))) return;
            for (Object o : record.fields().list("permissions")) {
                if (!(o instanceof Map<?, ?> perm) || AppopsInstallPackages.PERMISSION.equals(perm.get("name"))) continue;
                List<?> entries = perm.get("entries") instanceof List<?> l ? l : List.of();
                String ts = "";
                String access = String.valueOf(perm.get("access"));
                if (!entries.isEmpty() && entries.get(entries.size() - 1) instanceof Map<?, ?> last) {
                    ts = last.get("timestamp") == null ? "" : String.valueOf(last.get("timestamp"));
                    access = String.valueOf(last.get("access"));
                }
                out.alert(new Alert(Level.MEDIUM, id(), "Risky package '" + SHELL + "' had '" + perm.get("name") + "' permission set to '"
                        + access + "'" + (ts.isEmpty() ? "" : " at " + ts) + ": operations by the ADB shell mean commands were run on the "
                        + "phone from a computer (" + record.provenance().describe() + ")", WallClock.of(record.fields(), ts), record));
            }
        };
    }
}
