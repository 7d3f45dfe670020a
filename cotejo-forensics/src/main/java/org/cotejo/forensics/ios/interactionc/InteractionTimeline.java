package org.cotejo.forensics.ios.interactionc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cotejo.forensics.ios.whatsapp.WhatsappIds;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Timeline events of one interactionC record: the interaction itself ("[app] account OUTGOING from A
 * to B: text"), its end, the moment the record was written when that is far from the interaction,
 * and the sender contact's first and last interactions.
 */
final class InteractionTimeline {
    /** A record written an hour or more away from its interaction says something on its own. */
    private static final long CREATION_GAP_SECONDS = 3600;
    private static final long DAY_SECONDS = 86_400;

    /** Per-contact aggregate columns and how each reads, "%s" being the sender party. */
    private static final List<String[]> CONTACT_EVENTS = List.of(
            new String[] {"contacts_creation_date", "Contact %s first recorded in interactionC"},
            new String[] {"first_incoming_sender_date", "First incoming interaction from %s"},
            new String[] {"last_incoming_sender_date", "Last incoming interaction from %s"},
            new String[] {"first_incoming_recipient_date", "First incoming interaction with %s among the recipients"},
            new String[] {"last_incoming_recipient_date", "Last incoming interaction with %s among the recipients"},
            new String[] {"first_outgoing_recipient_date", "First outgoing interaction to %s"},
            new String[] {"last_outgoing_recipient_date", "Last outgoing interaction to %s"});

    private final String module;
    private final Fields r;
    private final List<TimelineEvent> out = new ArrayList<>();
    private final Set<Instant> emitted = new HashSet<>();

    private InteractionTimeline(String module, Fields r) {
        this.module = module;
        this.r = r;
    }

    static List<TimelineEvent> of(String module, Fields r) {
        return new InteractionTimeline(module, r).build();
    }

    private List<TimelineEvent> build() {
        String data = description();
        Instant start = MvtTime.parse(r.string("start_date"));
        Instant end = MvtTime.parse(r.string("end_date"));
        Instant created = MvtTime.parse(r.string("interactions_creation_date"));
        add(start, "start_date", data);
        if (end != null && !emitted.contains(end)) add(end, "end_date", data);
        if (created != null && !emitted.contains(created)) {
            if (start == null) {
                add(created, "interactions_creation_date", data);
            } else if (Math.abs(Duration.between(start, created).getSeconds()) >= CREATION_GAP_SECONDS) {
                add(created, "interactions_creation_date", "Interaction record created " + gap(start, created) + " the event: " + data);
            }
        }
        String sender = sender();
        if (sender != null) {
            String app = "[" + r.text("bundle_id") + "] ";
            for (String[] e : CONTACT_EVENTS) add(MvtTime.parse(r.string(e[0])), e[0], app + String.format(e[1], sender));
        }
        return out;
    }

    private void add(Instant at, String event, String data) {
        if (at == null) return;
        emitted.add(at);
        out.add(new TimelineEvent(at, module, event, data));
    }

    /** "3 days after", "2 hours before": days from a day on, else hours, rounded. */
    private static String gap(Instant start, Instant created) {
        long seconds = Math.abs(Duration.between(start, created).getSeconds());
        String amount = seconds >= DAY_SECONDS ? Math.round(seconds / (double) DAY_SECONDS) + " days"
                : Math.round(seconds / 3600.0) + " hours";
        return amount + (created.isAfter(start) ? " after" : " before");
    }

    /** "[net.whatsapp.WhatsApp] OUTGOING from local user to Lucía (+34600111222) (group: X): text". */
    String description() {
        String direction = r.string("direction");
        StringBuilder d = new StringBuilder("[").append(r.text("bundle_id")).append("]");
        if (present(r.string("account"))) d.append(' ').append(r.string("account"));
        if (present(direction)) d.append(' ').append(direction);
        String from = sender();
        if (from == null) from = "OUTGOING".equals(direction) ? "local user" : "unknown";
        String to = party(first(r.string("recipient_display_name"), r.string("recipient_resolved_name")),
                first(r.string("recipient_resolved_phone_number"), r.string("recipient_identifier")));
        if (to == null) to = party(r.string("domain_resolved_name"),
                first(r.string("domain_resolved_phone_number"), r.string("domain_identifier")));
        if (to == null) to = "INCOMING".equals(direction) ? "local user" : "unknown";
        d.append(" from ").append(from).append(" to ").append(to);
        if (present(r.string("group_name"))) d.append(" (group: ").append(r.string("group_name")).append(')');
        if (present(r.string("content"))) d.append(": ").append(r.string("content"));
        return d.toString();
    }

    private String sender() {
        return party(first(r.string("sender_display_name"), r.string("sender_resolved_name")),
                first(r.string("sender_resolved_phone_number"), r.string("sender_identifier")));
    }

    /** "name (identifier)", only the identifier when the name is that same number, or whichever is known. */
    static String party(String name, String identifier) {
        if (!present(name)) return present(identifier) ? identifier : null;
        if (!present(identifier)) return name;
        String nameDigits = WhatsappIds.digits(name);
        if (!nameDigits.isEmpty() && nameDigits.equals(WhatsappIds.digits(identifier))) return identifier;
        return name + " (" + identifier + ")";
    }

    private static String first(String a, String b) {
        return present(a) ? a : present(b) ? b : null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
