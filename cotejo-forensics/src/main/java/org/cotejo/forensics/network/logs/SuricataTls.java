package org.cotejo.forensics.network.logs;

import static org.cotejo.forensics.network.logs.Endpoints.endpoint;
import static org.cotejo.forensics.network.logs.Endpoints.ip;

import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Suricata's TLS events ({@code event_type} "tls"): {@code tls.sni}, {@code tls.subject},
 * {@code tls.issuerdn}, {@code tls.fingerprint}, {@code tls.version}, {@code tls.ja3}, {@code tls.ja3s},
 * {@code tls.ja4}. The SNI is a domain, the server an address, the JA3/JA3S hashes and the JA4 value
 * TLS fingerprints (matched exactly, like hashes).
 */
public final class SuricataTls extends SuricataModule {
    @Override String eventType() { return "tls"; }
    @Override public String name() { return "SuricataTls"; }
    @Override public String description() { return "TLS handshakes (SNI, certificate, JA3/JA4) from a Suricata EVE log"; }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        Fields tls = object(r, "tls");
        o.add(ObservableType.DOMAIN, "tls.sni", tls.string("sni"));
        ip(o, "dest_ip", r.string("dest_ip"));
        o.add(ObservableType.JA3, "tls.ja3.hash", object(tls, "ja3").string("hash"));
        o.add(ObservableType.JA3, "tls.ja3s.hash", object(tls, "ja3s").string("hash"));
        o.add(ObservableType.JA4, "tls.ja4", tls.string("ja4"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        if (t == null) return List.of();
        Fields tls = object(r, "tls");
        String sni = tls.string("sni");
        return List.of(new TimelineEvent(t, slug(), "tls_handshake", "TLS handshake" + (sni == null ? "" : " for " + sni)
                + " " + r.text("src_ip") + " -> " + endpoint(r, "dest_ip", "dest_port")
                + (tls.has("subject") ? " [subject " + tls.text("subject") + "]" : "")));
    }
}
