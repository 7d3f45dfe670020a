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

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.DOMAIN, "query", r.string("query"));
        List<String> answers = r.strings("answers");
        for (int i = 0; i < answers.size(); i++) o.urlOrHost("answers[" + i + "]", answers.get(i));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        if (t == null || r.string("query") == null) return List.of();
        List<String> answers = r.strings("answers");
        return List.of(new TimelineEvent(t, slug(), "dns_query", "DNS query for " + r.text("query")
                + (r.has("qtype_name") ? " (" + r.text("qtype_name") + ")" : "")
                + " from " + r.text("id.orig_h") + " to " + r.text("id.resp_h")
                + (answers.isEmpty() ? "" : " [answers: " + String.join(", ", answers) + "]")));
    }
}
