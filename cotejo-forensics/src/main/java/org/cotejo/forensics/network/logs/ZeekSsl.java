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
 * Zeek's {@code ssl.log}: each TLS handshake's {@code server_name} (SNI), version, cipher and
 * {@code established}. The SNI is a domain, the responder an address, and the {@code ja3}, {@code ja3s}
 * and {@code ja4} columns the JA3/JA4 Zeek packages add are TLS fingerprints (matched exactly).
 */
public final class ZeekSsl extends ZeekModule {
    @Override String log() { return "ssl"; }
    @Override List<String> required() { return List.of("id.resp_h"); }
    @Override public String name() { return "ZeekSsl"; }
    @Override public String description() { return "TLS handshakes (SNI, JA3/JA3S when present) from Zeek's ssl.log"; }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.DOMAIN, "server_name", r.string("server_name"));
        ip(o, "id.resp_h", r.string("id.resp_h"));
        // the columns the JA3/JA4 Zeek packages add, when the log has them
        o.add(ObservableType.JA3, "ja3", r.string("ja3"));
        o.add(ObservableType.JA3, "ja3s", r.string("ja3s"));
        o.add(ObservableType.JA4, "ja4", r.string("ja4"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        if (t == null) return List.of();
        String sni = r.string("server_name");
        return List.of(new TimelineEvent(t, slug(), "tls_handshake", "TLS handshake"
                + (sni == null || sni.isEmpty() ? "" : " for " + sni) + " from " + r.text("id.orig_h")
                + " to " + endpoint(r, "id.resp_h", "id.resp_p")
                + (r.has("ja3") ? " [JA3 " + r.text("ja3") + "]" : "")));
    }
}
