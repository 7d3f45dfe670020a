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
 * Zeek's {@code http.log}: each request's {@code method}, {@code host}, {@code uri},
 * {@code user_agent} and {@code status_code}. {@code host} and {@code uri} make the URL (a proxy
 * request's absolute {@code uri} is the URL itself); the responder is an address.
 */
public final class ZeekHttp extends ZeekModule {
    @Override String log() { return "http"; }
    @Override public String name() { return "ZeekHttp"; }
    @Override public String description() { return "HTTP requests (URL, user agent) from Zeek's http.log"; }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String url = url(r);
        if (url != null) o.add(ObservableType.URL, "host+uri", url);
        else o.urlOrHost("host", r.string("host"));
        ip(o, "id.resp_h", r.string("id.resp_h"));
        return o.list();
    }

    /** The request's URL from {@code host} and {@code uri}, or null without a host and an absolute uri. */
    static String url(Fields r) {
        String host = r.string("host");
        String uri = r.string("uri");
        if (uri != null && uri.contains("://")) return uri;
        if (host == null || host.isBlank()) return null;
        if (uri == null || uri.isEmpty()) uri = "/";
        return "http://" + host.strip() + (uri.startsWith("/") ? uri : "/" + uri);
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        if (t == null) return List.of();
        String url = url(r);
        return List.of(new TimelineEvent(t, slug(), "http_request", "HTTP " + r.text("method") + " "
                + (url == null ? r.text("uri") : url) + " from " + r.text("id.orig_h")
                + (r.has("status_code") ? " -> " + r.text("status_code") : "")
                + (r.has("user_agent") ? " [" + r.text("user_agent") + "]" : "")));
    }
}
