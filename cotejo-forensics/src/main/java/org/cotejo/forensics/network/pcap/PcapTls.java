package org.cotejo.forensics.network.pcap;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * TLS ClientHellos seen in a packet capture, on any TCP port: the server name the client asked for
 * (SNI), the protocols it offered (ALPN) and its JA3 fingerprint. One record per ClientHello packet
 * (a retransmitted ClientHello gives a second record). Only a ClientHello whose first TCP segment holds
 * it whole is read: the TCP stream is not reassembled, and ClientHellos that continue in a later
 * segment are counted in one problem per file.
 *
 * <p>Fields: {@code timestamp}, {@code packet}, {@code client_ip}, {@code client_port},
 * {@code server_ip}, {@code server_port}, {@code tls_version} (the ClientHello's legacy version, 771
 * for TLS 1.2 and 1.3), {@code server_name}, {@code alpn}, {@code ja3}, {@code ja3_md5}. JA3 stays a
 * record field: there is no JA3 observable type yet.
 */
public final class PcapTls implements ArtifactModule {
    private static final int MAX_PROBLEMS = 100;

    @Override public String name() { return "PcapTls"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.PCAP); }
    @Override public TraceClass trace() { return TraceClass.NETWORK; }
    @Override public String description() { return "TLS ClientHellos (server name, ALPN, JA3) from packet captures"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        var state = new Object() {
            SourceFile file;
            PacketDecoder decoder = new PacketDecoder();
            long partial;
            int broken;

            void finish() {
                if (file != null && partial > 0) {
                    ctx.problem(file, partial + " TLS ClientHello(s) continuing past their first TCP segment not read (streams are not reassembled)");
                }
                if (file != null && broken > MAX_PROBLEMS) ctx.problem(file, (broken - MAX_PROBLEMS) + " more unreadable ClientHello(s) not listed one by one");
            }
        };
        Captures.eachPacket(ctx, (file, p) -> {
            if (state.file != file) {
                state.finish();
                state.file = file;
                state.decoder = new PacketDecoder();
                state.partial = 0;
                state.broken = 0;
            }
            IpPacket ip = state.decoder.decode(p);
            if (ip == null || ip.protocol() != IpPacket.TCP || !TlsClientHello.looksLikeClientHello(ip.data(), ip.payloadStart(), ip.payloadEnd())) return;
            TlsClientHello hello;
            try {
                hello = TlsClientHello.parse(ip.data(), ip.payloadStart(), ip.payloadEnd());
            } catch (TlsClientHello.NotRead e) {
                if (e.partial()) state.partial++;
                else if (++state.broken <= MAX_PROBLEMS) ctx.problem(file, "packet " + p.number() + ": " + e.getMessage() + "; skipped");
                return;
            }
            ctx.emit(record(p, ip, hello), ctx.provenance(file, "packet " + p.number()));
        });
        state.finish();
    }

    static Fields record(PcapReader.Packet p, IpPacket ip, TlsClientHello h) {
        return Fields.builder()
                .put("timestamp", p.time() == null ? null : MvtTime.format(p.time()))
                .put("packet", p.number())
                .put("client_ip", ip.source())
                .put("client_port", ip.sourcePort())
                .put("server_ip", ip.destination())
                .put("server_port", ip.destPort())
                .put("tls_version", h.version())
                .put("server_name", h.serverName())
                .put("alpn", h.alpn())
                .put("ja3", h.ja3())
                .put("ja3_md5", h.ja3Md5())
                .build();
    }

    /** The server name as a domain and the server's address; JA3 has no observable type yet. */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.DOMAIN, "server_name", r.string("server_name"));
        String ip = r.string("server_ip");
        if (ip != null) o.add(ip.indexOf(':') >= 0 ? ObservableType.IPV6 : ObservableType.IPV4, "server_ip", ip);
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        String ip = r.text("server_ip");
        String server = (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + r.text("server_port");
        String name = r.string("server_name");
        return List.of(new TimelineEvent(t, slug(), "tls_client_hello", "TLS connection to " + (name == null ? server : name + " (" + server + ")")
                + " by " + r.text("client_ip") + " [JA3: " + r.text("ja3_md5") + "]"));
    }
}
