package org.cotejo.detection.heuristic.network;

import java.util.HashSet;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.network.traffic.TrafficRecords;
import org.cotejo.forensics.network.traffic.TrafficRecords.TlsSession;
import org.cotejo.forensics.record.Record;

/**
 * TLS from a phone that an ordinary app rarely makes: to a bare IP address (no server name in the
 * ClientHello, to a public address), or to a server whose certificate is self-signed. Implants often
 * talk to their servers by address, with certificates their operators made themselves. The phone is the
 * client on a local address (private, CGNAT, link-local or unique-local: a capture access point or a
 * network sensor sees it so). Self-signed is read from Zeek's ssl.log {@code validation_status}, from
 * Suricata's {@code tls.subject} equal to {@code tls.issuerdn}, and from a pcap record's
 * {@code self_signed} field. One alert per client, server and reason: LOW for a bare address, MEDIUM
 * for a self-signed certificate.
 */
public final class TlsBareIpOrSelfSigned implements Heuristic {
    @Override public String id() { return "network.tls-bare-ip-or-self-signed"; }

    @Override
    public String description() {
        return "TLS from a phone's local address to a public server without a server name (a bare IP, LOW) or with a self-signed "
                + "certificate (MEDIUM): how implants often reach their servers.";
    }

    @Override public Set<String> modules() { return TrafficRecords.TLS; }

    @Override
    public Session start(HeuristicContext context) {
        return new Session() {
            private final Set<String> seen = new HashSet<>();

            @Override
            public void inspect(Record record, AlertSink out) {
                TlsSession s = TrafficRecords.tls(record);
                if (s == null || s.server() == null || !TrafficRecords.local(s.client()) || TrafficRecords.local(s.server())) return;
                String to = s.server() + (s.port() == null ? "" : ":" + s.port());
                if (s.sni() == null && seen.add("ip " + s.client() + " " + s.server())) {
                    out.alert(new Alert(Level.LOW, id(), "TLS from " + s.client() + " to " + to + " without a server name (a bare IP address) ("
                            + record.provenance().describe() + ")", s.time(), record));
                }
                if (Boolean.TRUE.equals(s.selfSigned()) && seen.add("self " + s.client() + " " + s.server())) {
                    out.alert(new Alert(Level.MEDIUM, id(), "TLS from " + s.client() + " to " + to + (s.sni() == null ? "" : " (" + s.sni() + ")")
                            + " with a self-signed certificate" + (s.subject() == null ? "" : " (subject " + s.subject() + ")")
                            + " (" + record.provenance().describe() + ")", s.time(), record));
                }
            }
        };
    }
}
