package org.cotejo.forensics.network.pcap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * DNS responses seen in a packet capture (UDP from port 53): which names the client looked up, and
 * what they resolved to. One record per response, whether or not its query was captured; queries
 * alone are not records (a response says the look-up happened and what came back).
 *
 * <p>Fields: {@code timestamp} (UTC, absent for a pcapng simple packet), {@code packet},
 * {@code client_ip}, {@code client_port}, {@code server_ip}, {@code server_port}, {@code dns_id},
 * {@code query_name}, {@code query_type}, {@code rcode}, {@code answers} (each {@code name},
 * {@code type}, {@code ttl}, {@code value}), {@code cnames} and {@code addresses} (the A/AAAA values).
 * Only the first fragment of a fragmented response is seen; a response cut short by fragmentation or
 * capture length is a problem naming the packet.
 */
public final class PcapDns implements ArtifactModule {
    private static final int MAX_PROBLEMS = 100;

    @Override public String name() { return "PcapDns"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.PCAP); }
    @Override public TraceClass trace() { return TraceClass.NETWORK; }
    @Override public String description() { return "DNS responses (names looked up and their addresses) from packet captures"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        PerFile state = new PerFile();
        Captures.eachPacket(ctx, (file, p) -> {
            if (state.file != file) state.finish(ctx).start(file);
            IpPacket ip = state.decoder.decode(p);
            if (ip == null || ip.protocol() != IpPacket.UDP || ip.sourcePort() != 53) return;
            DnsMessage m;
            try {
                m = DnsMessage.parse(ip.data(), ip.payloadStart(), ip.payloadEnd());
            } catch (DnsMessage.Malformed e) {
                if (++state.broken <= MAX_PROBLEMS) {
                    ctx.problem(file, "packet " + p.number() + ": DNS message unreadable"
                            + (ip.firstFragment() ? " (first fragment only)" : "") + ": " + e.getMessage() + "; skipped");
                }
                return;
            }
            if (!m.response()) return;
            ctx.emit(record(p, ip, m), ctx.provenance(file, "packet " + p.number()));
        });
        state.finish(ctx);
    }

    private static final class PerFile {
        SourceFile file;
        PacketDecoder decoder = new PacketDecoder();
        int broken;

        PerFile start(SourceFile f) {
            file = f;
            decoder = new PacketDecoder();
            broken = 0;
            return this;
        }

        PerFile finish(ModuleContext ctx) {
            if (file == null) return this;
            if (broken > MAX_PROBLEMS) ctx.problem(file, (broken - MAX_PROBLEMS) + " more unreadable DNS message(s) not listed one by one");
            if (decoder.laterFragments() > 0) ctx.problem(file, decoder.laterFragments() + " IP fragment(s) after the first skipped (fragments are not reassembled)");
            return this;
        }
    }

    static Fields record(PcapReader.Packet p, IpPacket ip, DnsMessage m) {
        List<Map<String, Object>> answers = new ArrayList<>();
        List<String> cnames = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (DnsMessage.Answer a : m.answers()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", a.name());
            one.put("type", typeName(a.type()));
            one.put("ttl", a.ttl());
            one.put("value", a.value());
            answers.add(one);
            if (a.value() == null) continue;
            if (a.type() == DnsMessage.CNAME) cnames.add(a.value());
            else addresses.add(a.value());
        }
        Fields.Builder b = Fields.builder()
                .put("timestamp", p.time() == null ? null : MvtTime.format(p.time()))
                .put("packet", p.number())
                .put("client_ip", ip.destination())
                .put("client_port", ip.destPort())
                .put("server_ip", ip.source())
                .put("server_port", ip.sourcePort())
                .put("dns_id", m.id())
                .put("query_name", m.queryName())
                .put("query_type", m.questions().isEmpty() ? null : typeName(m.questions().get(0).type()))
                .put("rcode", m.rcode())
                .put("answers", answers)
                .put("cnames", cnames)
                .put("addresses", addresses);
        return b.build();
    }

    static String typeName(int type) {
        return switch (type) {
            case DnsMessage.A -> "A";
            case DnsMessage.AAAA -> "AAAA";
            case DnsMessage.CNAME -> "CNAME";
            case 2 -> "NS";
            case 6 -> "SOA";
            case 12 -> "PTR";
            case 15 -> "MX";
            case 16 -> "TXT";
            case 33 -> "SRV";
            case 64 -> "SVCB";
            case 65 -> "HTTPS";
            default -> "TYPE" + type;
        };
    }

    /** The query name and each CNAME as domains; each answer address as IPv4 or IPv6. */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.DOMAIN, "query_name", r.string("query_name"));
        List<String> cnames = r.strings("cnames");
        for (int i = 0; i < cnames.size(); i++) o.add(ObservableType.DOMAIN, "cnames[" + i + "]", cnames.get(i));
        List<String> addresses = r.strings("addresses");
        for (int i = 0; i < addresses.size(); i++) {
            String a = addresses.get(i);
            o.add(a.indexOf(':') >= 0 ? ObservableType.IPV6 : ObservableType.IPV4, "addresses[" + i + "]", a);
        }
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        List<String> ips = r.strings("addresses");
        return List.of(new TimelineEvent(t, slug(), "dns_query", "DNS query for " + r.text("query_name") + " by " + r.text("client_ip")
                + (ips.isEmpty() ? "" : " [IPs: " + String.join(", ", ips) + "]")));
    }
}
