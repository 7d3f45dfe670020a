package org.cotejo.forensics.network.logs;

import java.time.Instant;
import java.util.List;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Suricata's DNS events ({@code event_type} "dns"), in EVE's version 2 layout ({@code dns.type} query
 * or answer, {@code dns.rrname}, {@code dns.answers}, {@code dns.grouped}) or version 3
 * ({@code dns.queries}, {@code dns.answers}): queried names are domains, answers addresses or domains.
 */
public final class SuricataDns extends SuricataModule {
    @Override String eventType() { return "dns"; }
    @Override public String name() { return "SuricataDns"; }
    @Override public String description() { return "DNS queries and answers from a Suricata EVE log"; }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        dns(o, "dns", object(r, "dns"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        Fields dns = object(r, "dns");
        List<String> names = dnsNames(dns);
        if (t == null || names.isEmpty()) return List.of();
        boolean answer = "answer".equals(dns.string("type")) || (!dns.has("type") && !objects(dns, "answers").isEmpty());
        return List.of(new TimelineEvent(t, slug(), answer ? "dns_answer" : "dns_query", (answer ? "DNS answer for " : "DNS query for ")
                + String.join(", ", names) + " " + r.text("src_ip") + " -> " + r.text("dest_ip")));
    }
}
