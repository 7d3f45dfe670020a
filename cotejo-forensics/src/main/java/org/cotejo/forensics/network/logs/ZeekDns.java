package org.cotejo.forensics.network.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.network.traffic.RecentValues;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

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

    /*
     * A dns.log repeats a few hundred thousand names and addresses over millions of lines: each distinct raw
     * value is normalised once, by Observations as any module would, and its observable reused.
     */
    private static final RecentValues<Observable> QUERIES = new RecentValues<>(1 << 17,
            raw -> only(new Observations(TraceClass.NETWORK).add(ObservableType.DOMAIN, "query", raw)));
    private static final RecentValues<Observable> ANSWERS = new RecentValues<>(1 << 16,
            raw -> only(new Observations(TraceClass.NETWORK).urlOrHost("answer", raw)));

    private static Observable only(Observations o) {
        List<ObservedValue> values = o.list();
        return values.isEmpty() ? null : values.get(0).observable();
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        // the same as Observations.add(DOMAIN, "query", ...) then urlOrHost("answers[i]", ...): fields differ, so nothing repeats
        List<ObservedValue> out = new ArrayList<>(3);
        String query = r.string("query");
        Observable q = query == null ? null : QUERIES.get(query);
        if (q != null) out.add(new ObservedValue(q, "query", trace()));
        List<String> answers = r.strings("answers");
        for (int i = 0; i < answers.size(); i++) {
            Observable a = ANSWERS.get(answers.get(i));
            if (a != null) out.add(new ObservedValue(a, "answers[" + i + "]", trace()));
        }
        return out;
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
