package org.cotejo.forensics.network.pcap;

import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.network.pcap.tcp.Flow;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * TLS ClientHellos seen in a packet capture, on any TCP port, read from the reassembled client stream
 * (a ClientHello may span TLS records and TCP segments): the server name the client asked for (SNI),
 * the protocols it offered (ALPN), and its JA3 and JA4 fingerprints. One record per TLS connection.
 *
 * <p>Fields: {@code timestamp}, {@code packet} (the ClientHello's first packet), {@code client_ip},
 * {@code client_port}, {@code server_ip}, {@code server_port}, {@code tls_version} (the ClientHello's
 * legacy version, 771 for TLS 1.2 and 1.3), {@code server_name}, {@code alpn}, {@code ja3},
 * {@code ja3_md5}, {@code ja4}, {@code ja4_r} (JA4's lists in the clear), and {@code device} when the
 * client is attributed.
 */
public final class PcapTls extends CaptureModule {
    static final String NAME = "PcapTls";

    @Override public String name() { return NAME; }
    @Override public String description() { return "TLS ClientHellos (server name, ALPN, JA3, JA4) from packet captures"; }

    static Fields record(Instant time, long packet, Flow f, TlsClientHello h) {
        String ja3 = h.ja3();
        var ja4 = org.cotejo.forensics.network.pcap.tls.Ja4.of(h);
        return Fields.builder()
                .put("timestamp", time == null ? null : MvtTime.format(time))
                .put("packet", packet)
                .put("client_ip", f.clientIp)
                .put("client_port", f.clientPort)
                .put("server_ip", f.serverIp)
                .put("server_port", f.serverPort)
                .put("tls_version", h.version())
                .put("server_name", h.serverName())
                .put("alpn", h.alpn())
                .put("ja3", ja3)
                .put("ja3_md5", TlsClientHello.md5(ja3))
                .put("ja4", ja4.hashed())
                .put("ja4_r", ja4.raw())
                .build();
    }

    /** The server name as a domain, the server's address, and the JA3 and JA4 fingerprints. */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.DOMAIN, "server_name", r.string("server_name"));
        CaptureText.ip(o, "server_ip", r.string("server_ip"));
        o.add(ObservableType.JA3, "ja3_md5", r.string("ja3_md5"));
        o.add(ObservableType.JA4, "ja4", r.string("ja4"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        String server = CaptureText.endpoint(r, "server_ip", "server_port");
        String name = r.string("server_name");
        return List.of(new TimelineEvent(t, slug(), "tls_client_hello", "TLS connection to " + (name == null ? server : name + " (" + server + ")")
                + " by " + CaptureText.who(r) + " [JA3: " + r.text("ja3_md5") + ", JA4: " + r.text("ja4") + "]"));
    }
}
