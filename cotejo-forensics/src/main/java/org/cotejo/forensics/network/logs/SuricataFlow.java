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
 * Suricata's flow records ({@code event_type} "flow"): the 5-tuple, {@code app_proto} and
 * {@code flow.bytes_toserver}/{@code bytes_toclient}, {@code flow.start}/{@code end}. The server's
 * address ({@code dest_ip}) is the observable: the client is the watched phone.
 */
public final class SuricataFlow extends SuricataModule {
    @Override String eventType() { return "flow"; }
    @Override public String name() { return "SuricataFlow"; }
    @Override public String description() { return "Flows (5-tuple, bytes, application protocol) from a Suricata EVE log"; }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        ip(o, "dest_ip", r.string("dest_ip"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        if (t == null) return List.of();
        Fields flow = object(r, "flow");
        String app = r.string("app_proto");
        return List.of(new TimelineEvent(t, slug(), "flow", "Flow " + endpoint(r, "src_ip", "src_port") + " -> "
                + endpoint(r, "dest_ip", "dest_port") + "/" + r.text("proto")
                + (app == null || app.equals("failed") ? "" : " (" + app + ")")
                + " sent " + (flow.has("bytes_toserver") ? flow.text("bytes_toserver") : "?") + " B, received "
                + (flow.has("bytes_toclient") ? flow.text("bytes_toclient") : "?") + " B"));
    }
}
