package org.cotejo.detection.heuristic.android.dumpsys;

import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;

/**
 * Every accessibility service (MEDIUM, as MVT): such a service can read everything on the screen and
 * act as the user, which is how much Android spyware and stalkerware reads messages and grants itself
 * permissions. Services of a short list of well-known system and vendor packages (TalkBack, Switch
 * Access, Samsung's accessibility suite) are LOW: they are still listed, since a name is easy to
 * borrow, but they are expected on a stock phone.
 */
public final class AccessibilityService implements Heuristic {
    static final Set<String> WELL_KNOWN = Set.of(
            "com.google.android.marvin.talkback", "com.android.talkback", "com.google.android.accessibility.switchaccess",
            "com.google.android.apps.accessibility.voiceaccess", "com.samsung.accessibility",
            "com.samsung.android.accessibility.talkback", "com.android.settings", "com.sec.android.app.camera");

    @Override public String id() { return "android.dumpsys.accessibility-service"; }
    @Override public String description() {
        return "Accessibility services (dumpsys accessibility): they can read the screen and act as the user";
    }
    @Override public Set<String> modules() { return Set.of("dumpsys_accessibility"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            String service = record.fields().string("service");
            if (service == null || service.isBlank()) return;
            String list = record.fields().string("list");
            String state = "enabled".equals(list) ? "enabled" : "installed";
            boolean known = WELL_KNOWN.contains(record.fields().text("package_name"));
            String message = "Found accessibility service: \"" + service + "\" (" + state + "); accessibility services can read the "
                    + "screen and act as the user"
                    + (known ? ", though this one belongs to a well-known system or vendor package (LOW)" : "")
                    + " (" + record.provenance().describe() + ")";
            out.alert(new Alert(known ? Level.LOW : Level.MEDIUM, id(), message, null, record));
        };
    }
}
