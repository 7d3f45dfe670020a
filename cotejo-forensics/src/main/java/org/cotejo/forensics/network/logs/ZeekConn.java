package org.cotejo.forensics.network.logs;

import static org.cotejo.forensics.network.logs.Endpoints.endpoint;
import static org.cotejo.forensics.network.logs.Endpoints.ip;

import java.time.Instant;
import java.util.List;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Zeek's {@code conn.log}: each connection's 5-tuple ({@code id.orig_h}, {@code id.orig_p},
 * {@code id.resp_h}, {@code id.resp_p}, {@code proto}), {@code service}, {@code duration} and bytes
 * each way. The responder's address is the observable: the originator is the watched phone.
 */
public final class ZeekConn extends ZeekModule {
    @Override String log() { return "conn"; }
    @Override List<String> required() { return List.of("id.orig_h", "id.resp_h"); }
    @Override public String name() { return "ZeekConn"; }
    @Override public String description() { return "Connections (5-tuple, duration, bytes) from Zeek's conn.log"; }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        ip(o, "id.resp_h", r.string("id.resp_h"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        if (t == null) return List.of();
        String service = r.string("service");
        return List.of(new TimelineEvent(t, slug(), "connection", "Connection " + endpoint(r, "id.orig_h", "id.orig_p")
                + " -> " + endpoint(r, "id.resp_h", "id.resp_p") + "/" + r.text("proto")
                + (service == null || service.isEmpty() ? "" : " (" + service + ")")
                + " sent " + (r.has("orig_bytes") ? r.text("orig_bytes") : "?") + " B, received "
                + (r.has("resp_bytes") ? r.text("resp_bytes") : "?") + " B"));
    }
}
