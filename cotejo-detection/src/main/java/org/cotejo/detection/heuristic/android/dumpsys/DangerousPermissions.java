package org.cotejo.detection.heuristic.android.dumpsys;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;

/**
 * A non-system app granted ten or more of the permissions stalkerware needs (location, SMS, calls,
 * contacts, camera, microphone, overlay): INFO, a pointer for the examiner (MVT only logs these).
 */
public final class DangerousPermissions implements Heuristic {
    static final int THRESHOLD = 10;
    static final Set<String> DANGEROUS = Set.of(
            "android.permission.ACCESS_COARSE_LOCATION", "android.permission.ACCESS_FINE_LOCATION",
            "android.permission.AUTHENTICATE_ACCOUNTS", "android.permission.CAMERA", "android.permission.DISABLE_KEYGUARD",
            "android.permission.PROCESS_OUTGOING_CALLS", "android.permission.READ_CALENDAR", "android.permission.READ_CALL_LOG",
            "android.permission.READ_CONTACTS", "android.permission.READ_PHONE_STATE", "android.permission.READ_SMS",
            "android.permission.RECEIVE_MMS", "android.permission.RECEIVE_SMS", "android.permission.RECEIVE_WAP_PUSH",
            "android.permission.RECORD_AUDIO", "android.permission.SEND_SMS", "android.permission.SYSTEM_ALERT_WINDOW",
            "android.permission.USE_CREDENTIALS", "android.permission.USE_SIP", "com.android.browser.permission.READ_HISTORY_BOOKMARKS");

    @Override public String id() { return "android.dumpsys.dangerous-permissions"; }
    @Override public String description() {
        return "Non-system apps granted ten or more permissions stalkerware relies on (dumpsys package)";
    }
    @Override public Set<String> modules() { return Set.of("dumpsys_packages"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            if (record.fields().truthy("system")) return;
            Set<String> granted = new TreeSet<>();
            for (Object o : record.fields().list("permissions")) {
                if (o instanceof Map<?, ?> p && Boolean.TRUE.equals(p.get("granted")) && DANGEROUS.contains(String.valueOf(p.get("name")))) {
                    granted.add(String.valueOf(p.get("name")));
                }
            }
            if (granted.size() < THRESHOLD) return;
            out.alert(new Alert(Level.INFO, id(), "Package \"" + record.fields().text("package_name") + "\" was granted " + granted.size()
                    + " of the " + DANGEROUS.size() + " permissions stalkerware relies on (" + String.join(", ", granted)
                    + "); worth a look (" + record.provenance().describe() + ")", null, record));
        };
    }
}
