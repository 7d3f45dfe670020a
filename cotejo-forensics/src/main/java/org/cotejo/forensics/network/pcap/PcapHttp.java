package org.cotejo.forensics.network.pcap;

import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.network.pcap.http.HttpRequestHead;
import org.cotejo.forensics.network.pcap.tcp.Flow;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * HTTP/1.x requests seen in clear in a packet capture, on any TCP port: each request head of a
 * connection (keep-alive and pipelined requests included, bodies skipped by their Content-Length) in
 * the first {@value CaptureScan#STREAM_CAP} bytes the client sent. A chunked request body ends the
 * reading of its connection.
 *
 * <p>Fields: {@code timestamp}, {@code packet} (the request's first packet), {@code client_ip},
 * {@code client_port}, {@code server_ip}, {@code server_port}, {@code method}, {@code host},
 * {@code path} (the request target), {@code user_agent}, {@code url} (http://host/path), {@code device}.
 */
public final class PcapHttp extends CaptureModule {
    static final String NAME = "PcapHttp";

    @Override public String name() { return NAME; }
    @Override public String description() { return "HTTP requests in clear (method, host, path, User-Agent) from packet captures"; }

    static Fields record(Instant time, long packet, Flow f, HttpRequestHead h) {
        return Fields.builder()
                .put("timestamp", time == null ? null : MvtTime.format(time))
                .put("packet", packet)
                .put("client_ip", f.clientIp)
                .put("client_port", f.clientPort)
                .put("server_ip", f.serverIp)
                .put("server_port", f.serverPort)
                .put("method", h.method())
                .put("host", h.host())
                .put("path", h.target())
                .put("user_agent", h.userAgent())
                .put("url", h.url(f.serverIp, f.serverPort))
                .build();
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.URL, "url", r.string("url"));
        String host = r.string("host");
        if (host != null) {
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(':') == colon) host = host.substring(0, colon); // host:port
            if (!host.startsWith("[") && !host.matches("[0-9.]+")) o.add(ObservableType.DOMAIN, "host", host);
        }
        CaptureText.ip(o, "server_ip", r.string("server_ip"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        String url = r.string("url");
        return List.of(new TimelineEvent(t, slug(), "http_request", "HTTP " + r.text("method") + " " + (url == null ? r.text("path") : url)
                + " by " + CaptureText.who(r) + (r.string("user_agent") == null ? "" : " [User-Agent: " + r.text("user_agent") + "]")));
    }
}
