package org.cotejo.forensics.network.pcap;

import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.network.pcap.tcp.Flow;
import org.cotejo.forensics.network.pcap.tls.TlsServerHello;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * TLS ServerHellos seen in a packet capture: what the server chose and its JA3S fingerprint. One record
 * per TLS connection whose ServerHello was seen (after its ClientHello).
 *
 * <p>Fields: {@code timestamp}, {@code packet} (the ServerHello's first packet), {@code client_ip},
 * {@code client_port}, {@code server_ip}, {@code server_port}, {@code server_name} (from the
 * ClientHello), {@code tls_version} (negotiated, e.g. "TLS 1.3"), {@code cipher} (number),
 * {@code alpn} (the protocol chosen), {@code ja3s}, {@code ja3s_md5}, {@code certificates} (how many
 * the server sent in clear, or "encrypted (TLS 1.3)", or null when none was seen), {@code leaf_sha256}
 * and {@code device}. The JA3S value is observed as a JA3 fingerprint (feeds list both in one type).
 */
public final class PcapTlsServers extends CaptureModule {
    static final String NAME = "PcapTlsServers";

    @Override public String name() { return NAME; }
    @Override public String description() { return "TLS ServerHellos (version, cipher, JA3S, certificates sent) from packet captures"; }

    static Fields record(Instant time, long packet, Flow f, String serverName, TlsServerHello h, int certificates, String leaf) {
        return Fields.builder()
                .put("timestamp", time == null ? null : MvtTime.format(time))
                .put("packet", packet)
                .put("client_ip", f.clientIp)
                .put("client_port", f.clientPort)
                .put("server_ip", f.serverIp)
                .put("server_port", f.serverPort)
                .put("server_name", serverName)
                .put("tls_version", TlsServerHello.versionName(h.selectedVersion()))
                .put("cipher", h.cipher())
                .put("alpn", h.alpn())
                .put("ja3s", h.ja3s())
                .put("ja3s_md5", h.ja3sMd5())
                .put("certificates", h.tls13() ? "encrypted (TLS 1.3)" : certificates < 0 ? null : (Object) (long) certificates)
                .put("leaf_sha256", leaf)
                .build();
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        CaptureText.ip(o, "server_ip", r.string("server_ip"));
        o.add(ObservableType.JA3, "ja3s_md5", r.string("ja3s_md5"));
        o.add(ObservableType.X509_HASH, "leaf_sha256", r.string("leaf_sha256"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        String server = CaptureText.endpoint(r, "server_ip", "server_port");
        String name = r.string("server_name");
        return List.of(new TimelineEvent(t, slug(), "tls_server_hello", r.text("tls_version") + " server " + (name == null ? server : name + " (" + server + ")")
                + " answered " + CaptureText.who(r) + " [JA3S: " + r.text("ja3s_md5") + "]"));
    }
}
