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
 * Suricata's alerts ({@code event_type} "alert"): the rule's {@code alert.signature},
 * {@code alert.category}, {@code alert.severity} and the flow's endpoints. Both endpoints are
 * observables (an alert's direction is the rule's, not the connection's), and so are the names in any
 * {@code dns}, {@code tls} or {@code http} object the alert carries.
 */
public final class SuricataAlert extends SuricataModule {
    @Override String eventType() { return "alert"; }
    /** The IDS's own alerts: few, and each is a finding in itself, so always written in full. */
    @Override public boolean bulk() { return false; }
    @Override public String name() { return "SuricataAlert"; }
    @Override public String description() { return "IDS alerts (signature, category, severity, endpoints) from a Suricata EVE log"; }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        ip(o, "src_ip", r.string("src_ip"));
        ip(o, "dest_ip", r.string("dest_ip"));
        Fields dns = r.object("dns");
        if (dns != null) dns(o, "dns", dns);
        Fields tls = r.object("tls");
        if (tls != null) o.add(ObservableType.DOMAIN, "tls.sni", tls.string("sni"));
        Fields http = r.object("http");
        if (http != null) {
            String url = url(http);
            if (url != null) o.add(ObservableType.URL, "http.hostname+url", url);
        }
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        Fields alert = object(r, "alert");
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "ids_alert", "Alert [severity " + alert.text("severity") + "] "
                + alert.text("signature") + (alert.has("category") ? " (" + alert.text("category") + ")" : "")
                + " " + endpoint(r, "src_ip", "src_port") + " -> " + endpoint(r, "dest_ip", "dest_port")
                + (r.has("proto") ? "/" + r.text("proto") : "")));
    }
}
