package org.cotejo.detection.heuristic.network;

import java.util.HashSet;
import java.util.Set;
import org.cotejo.core.indicator.Match;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.network.traffic.TrafficRecords;
import org.cotejo.forensics.network.traffic.TrafficRecords.DnsAnswer;
import org.cotejo.forensics.record.Record;
import org.cotejo.indicators.index.IndicatorIndex;

/**
 * A DNS answer pointing a known-bad name (one an indicator lists) at an address no indicator lists: the
 * operator's infrastructure has moved, or has more servers than the feed knows. The name's match is a
 * detection already; this says what is new. One alert per name and address, at its first answer. The
 * pair is also an infrastructure fact: the check writes every answer seen into
 * {@code traffic-enrichment/passive-dns.csv}, which {@code cotejo correlate} reads, so the new address
 * links devices that reach it (docs/enrichment.md).
 */
public final class KnownBadNameNewAddress implements Heuristic {
    @Override public String id() { return "network.known-bad-name-new-address"; }

    @Override
    public String description() {
        return "A DNS answer pointing a name an indicator lists at an address no indicator lists: infrastructure the feeds do not "
                + "know yet. Recorded as a passive-DNS fact in traffic-enrichment/ for correlation.";
    }

    @Override public Set<String> modules() { return TrafficRecords.DNS; }

    @Override
    public Session start(HeuristicContext context) {
        IndicatorIndex index = context.index();
        return new Session() {
            private final Set<String> seen = new HashSet<>();
            /** Noted on a name when no indicator lists it. */
            private final Object unlisted = new Object();

            /** The indicator listing the answer's name, looked up once per name when the answer carries its notes. */
            private Match listed(DnsAnswer a) {
                Object noted = a.notes() == null ? null : a.notes().get(this);
                if (noted != null) return noted == unlisted ? null : (Match) noted;
                Match m = Listed.domain(index, a.name());
                if (a.notes() != null) a.notes().put(this, m == null ? unlisted : m);
                return m;
            }

            @Override
            public void inspect(Record record, AlertSink out) {
                if (index == null || index.size() == 0) return;
                DnsAnswer a = TrafficRecords.dns(record);
                if (a == null || a.addresses().isEmpty()) return;
                Match bad = listed(a);
                if (bad == null) return;
                for (String ip : a.addresses()) {
                    if (Listed.ip(index, ip) || !seen.add(a.name() + " " + ip)) continue;
                    out.alert(new Alert(Level.MEDIUM, id(), "DNS answer points " + a.name() + " (" + Listed.describe(bad) + ") at " + ip
                            + ", an address no indicator lists" + (a.client() == null ? "" : ", for " + a.client())
                            + " (" + record.provenance().describe() + "): new infrastructure of a known-bad name", a.time(), record));
                }
            }
        };
    }
}
