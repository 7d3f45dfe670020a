package org.cotejo.forensics.network.logs;

import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Zeek's {@code dns.log}: each query ({@code query}, {@code qtype_name}, {@code rcode_name}) with the
 * client and resolver ({@code id.orig_h}, {@code id.resp_h}) and the answers. The queried name is a
 * domain; each answer is an address, or a domain when it is a CNAME/PTR target.
 */
public final class ZeekDns extends ZeekModule {
    @Override String log() { return "dns"; }
    @Override List<String> required() { return List.of("query"); }
    @Override public String name() { return "ZeekDns"; }
    @Override public String description() { return "DNS queries and answers from Zeek's dns.log"; }

    /** "answers[0]", "answers[1]"...: the field names of the first answers, made once. */
    private static final String[] ANSWER_FIELDS = new String[16];

    static {
        for (int i = 0; i < ANSWER_FIELDS.length; i++) ANSWER_FIELDS[i] = "answers[" + i + "]";
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.DOMAIN, "query", r.string("query"));
        int i = 0;
        for (Object answer : r.list("answers")) {
            if (answer == null) continue; // as Fields.strings: absent answers are not counted
            o.urlOrHost(i < ANSWER_FIELDS.length ? ANSWER_FIELDS[i] : "answers[" + i + "]", text(answer));
            i++;
        }
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        String query = r.string("query");
        if (t == null || query == null) return List.of();
        String type = r.has("qtype_name") ? r.text("qtype_name") : null;
        String from = r.text("id.orig_h");
        String to = r.text("id.resp_h");
        List<?> answers = r.list("answers");
        // one builder sized for the sentence: ten million rows make ten million of them
        StringBuilder d = new StringBuilder(40 + query.length() + (type == null ? 0 : type.length() + 3) + from.length() + to.length()
                + 24 * answers.size());
        d.append("DNS query for ").append(query);
        if (type != null) d.append(" (").append(type).append(')');
        d.append(" from ").append(from).append(" to ").append(to);
        boolean first = true;
        for (Object answer : answers) {
            if (answer == null) continue;
            d.append(first ? " [answers: " : ", ").append(text(answer));
            first = false;
        }
        if (!first) d.append(']');
        return List.of(new TimelineEvent(t, slug(), "dns_query", d.toString()));
    }

    /** A list element as {@link Fields#strings} gives it. */
    private static String text(Object element) {
        return element instanceof String s ? s : String.valueOf(element);
    }
}
