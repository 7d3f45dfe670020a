package org.cotejo.forensics.network.logs;

import static org.cotejo.forensics.network.logs.Endpoints.ip;

import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Suricata's HTTP events ({@code event_type} "http"): {@code http.hostname} and {@code http.url} make
 * the URL; {@code http.http_user_agent}, {@code http.http_method} and {@code http.status} are kept.
 */
public final class SuricataHttp extends SuricataModule {
    @Override String eventType() { return "http"; }
    @Override public String name() { return "SuricataHttp"; }
    @Override public String description() { return "HTTP requests (URL, user agent) from a Suricata EVE log"; }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        Fields http = object(r, "http");
        String url = url(http);
        if (url != null) o.add(ObservableType.URL, "http.hostname+url", url);
        ip(o, "dest_ip", r.string("dest_ip"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        if (t == null) return List.of();
        Fields http = object(r, "http");
        String url = url(http);
        return List.of(new TimelineEvent(t, slug(), "http_request", "HTTP " + http.text("http_method") + " "
                + (url == null ? http.text("url") : url) + " from " + r.text("src_ip")
                + (http.has("status") ? " -> " + http.text("status") : "")
                + (http.has("http_user_agent") ? " [" + http.text("http_user_agent") + "]" : "")));
    }
}
