package org.cotejo.detection.heuristic.android.intrusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.android.intrusion.SecurityEvent;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.Record;

/**
 * A security-log event that is suspicious on its own (MVT's security-event checks, MEDIUM, run with or
 * without indicators): one rule per tag, each saying in its message why that event matters.
 */
abstract class SecurityEventRule implements Heuristic {
    private final String tag;

    SecurityEventRule(String tag) {
        this.tag = tag;
    }

    /** The sentence for one matching event, without the provenance; null when this event is not suspicious. */
    abstract String message(Fields event, Fields details);

    @Override public Set<String> modules() { return Set.of("security_event"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            if (!tag.equals(SecurityEvent.tag(f))) return;
            String message = message(f, f.object(tag));
            if (message == null) return;
            out.alert(new Alert(Level.MEDIUM, id(), message + " (" + where(record) + ")", MvtTime.parse(f.string("timestamp")), record));
        };
    }

    /** The event's details as text: "k=v, k=v" for an object, the value itself otherwise. */
    static String value(Fields event, String tag) {
        Fields details = event.object(tag);
        if (details == null) return event.text(tag);
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : details.asMap().entrySet()) parts.add(e.getKey() + "=" + e.getValue());
        return String.join(", ", parts);
    }

    private static String where(Record r) {
        String t = r.fields().text("timestamp");
        return (t.isEmpty() ? "" : "at " + t + " UTC, ") + r.provenance().describe();
    }
}
