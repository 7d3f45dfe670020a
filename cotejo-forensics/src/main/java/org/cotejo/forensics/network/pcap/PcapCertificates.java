package org.cotejo.forensics.network.pcap;

import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.network.pcap.tcp.Flow;
import org.cotejo.forensics.network.pcap.tls.ServerCertificate;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Server certificates seen in clear in a packet capture: the chain of a TLS 1.2 (or earlier) server's
 * Certificate message, one record per certificate (position 0 is the server's own). TLS 1.3 encrypts
 * the Certificate message, so TLS 1.3 connections give none (their {@code PcapTlsServers} record says
 * so); nor do resumed sessions, which send no certificate.
 *
 * <p>Fields: {@code timestamp}, {@code packet}, {@code client_ip}, {@code client_port},
 * {@code server_ip}, {@code server_port}, {@code server_name} (SNI), {@code position}, {@code subject},
 * {@code issuer}, {@code serial} (hex), {@code not_before}, {@code not_after}, {@code san} (DNS names
 * and addresses), {@code sha256}, {@code sha1}, {@code self_signed}, {@code device}.
 */
public final class PcapCertificates extends CaptureModule {
    static final String NAME = "PcapCertificates";

    @Override public String name() { return NAME; }
    @Override public String description() { return "Server certificates sent in clear (TLS 1.2 and earlier) from packet captures"; }

    static Fields record(Instant time, long packet, Flow f, String serverName, int position, ServerCertificate c) {
        return Fields.builder()
                .put("timestamp", time == null ? null : MvtTime.format(time))
                .put("packet", packet)
                .put("client_ip", f.clientIp)
                .put("client_port", f.clientPort)
                .put("server_ip", f.serverIp)
                .put("server_port", f.serverPort)
                .put("server_name", serverName)
                .put("position", position)
                .put("subject", c.subject())
                .put("issuer", c.issuer())
                .put("serial", c.serial())
                .put("not_before", MvtTime.format(c.notBefore()))
                .put("not_after", MvtTime.format(c.notAfter()))
                .put("san", c.sans())
                .put("sha256", c.sha256())
                .put("sha1", c.sha1())
                .put("self_signed", c.selfSigned())
                .build();
    }

    /** Both hashes as certificate hashes; the server certificate's DNS names as domains (a wildcard as its parent). */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.X509_HASH, "sha256", r.string("sha256"));
        o.add(ObservableType.X509_HASH, "sha1", r.string("sha1"));
        Long position = r.longValue("position");
        if (position != null && position == 0) {
            List<String> sans = r.strings("san");
            for (int i = 0; i < sans.size(); i++) {
                String n = sans.get(i);
                if (n.startsWith("*.")) n = n.substring(2);
                if (n.indexOf(':') >= 0 || n.matches("[0-9.]+")) CaptureText.ip(o, "san[" + i + "]", n);
                else o.add(ObservableType.DOMAIN, "san[" + i + "]", n);
            }
        }
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        Long position = r.longValue("position");
        if (position == null || position != 0) return List.of();
        return List.of(new TimelineEvent(t, slug(), "tls_certificate", "Certificate " + r.text("subject") + " issued by " + r.text("issuer")
                + (r.truthy("self_signed") ? " (self-signed)" : "") + " from " + CaptureText.endpoint(r, "server_ip", "server_port")
                + " to " + CaptureText.who(r) + " [SHA-256: " + r.text("sha256") + "]"));
    }
}
