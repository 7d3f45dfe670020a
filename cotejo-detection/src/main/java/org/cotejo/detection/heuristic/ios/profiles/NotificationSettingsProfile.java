package org.cotejo.detection.heuristic.ios.profiles;

import java.util.Map;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * A configuration profile carrying a notification-settings payload, which can silence an app's
 * notifications (MEDIUM, as MVT). MVT looks only at the first payload and only when indicators are
 * loaded; Cotejo looks at every payload, always.
 */
public final class NotificationSettingsProfile implements Heuristic {
    static final String PAYLOAD_TYPE = "com.apple.notificationsettings";

    @Override public String id() { return "profiles.notification-settings"; }
    @Override public String description() {
        return "Configuration profiles with a notification-settings payload, which can hide an app's notifications";
    }
    @Override public Set<String> modules() { return Set.of("configuration_profiles"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields plist = record.fields().object("plist");
            if (plist == null || plist.list("PayloadContent").stream()
                    .noneMatch(p -> p instanceof Map<?, ?> m && PAYLOAD_TYPE.equals(m.get("PayloadType")))) {
                return;
            }
            out.alert(new Alert(Level.MEDIUM, id(), "Configuration profile \"" + plist.text("PayloadDisplayName") + "\" (UUID "
                    + plist.text("PayloadUUID") + ") has a " + PAYLOAD_TYPE + " payload, which can silence notifications ("
                    + record.provenance().describe() + ")", MvtTime.parse(record.fields().string("install_date")), record));
        };
    }
}
