package org.cotejo.detection.heuristic.ios.sms;

import java.util.List;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * Apple's threat notifications: when Apple believes an iPhone was targeted by state-sponsored or
 * mercenary spyware, it tells the owner by iMessage (besides e-mail and appleid.apple.com), with a
 * text that starts with one of two fixed sentences. Such a message is strong evidence by itself.
 */
public final class AppleThreatNotification implements Heuristic {
    static final List<String> PREFIXES = List.of(
            "ALERT: State-sponsored attackers may be targeting your iPhone",
            "ALERT: Apple detected a targeted mercenary spyware attack against your iPhone");

    @Override public String id() { return "sms.apple-threat-notification"; }
    @Override public String description() { return "Apple's threat notification (state-sponsored or mercenary spyware attack) received as a message"; }
    @Override public Set<String> modules() { return Set.of("sms"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            String text = f.string("text");
            if (text == null || PREFIXES.stream().noneMatch(text::startsWith)) return;
            String isodate = f.text("isodate");
            out.alert(new Alert(Level.HIGH, id(), "Apple warning about a state-sponsored or mercenary spyware attack received on "
                    + isodate + " from " + f.text("phone_number") + " (message " + record.provenance().describe() + ")",
                    MvtTime.parse(isodate), record));
        };
    }
}
