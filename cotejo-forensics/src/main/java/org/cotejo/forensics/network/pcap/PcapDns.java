package org.cotejo.forensics.network.pcap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * DNS responses seen in a packet capture, over UDP (from port 53) and over TCP (port 53, reassembled,
 * length-prefixed messages): which names the client looked up, and what they resolved to. One record
 * per response, whether or not its query was captured; queries alone are not records (a response says
 * the look-up happened and what came back).
 *
 * <p>Fields: {@code timestamp} (UTC, absent for a pcapng simple packet), {@code packet},
 * {@code client_ip}, {@code client_port}, {@code server_ip}, {@code server_port}, {@code dns_id},
 * {@code query_name}, {@code query_type}, {@code rcode}, {@code answers} (each {@code name},
 * {@code type}, {@code ttl}, {@code value}), {@code cnames} and {@code addresses} (the A/AAAA values),
 * {@code transport} ("udp" or "tcp"), and {@code device} when the client is attributed. Only the first
 * fragment of a fragmented UDP response is seen; a response cut short by fragmentation or capture
 * length is a problem naming the packet.
 */
public final class PcapDns extends CaptureModule {
    static final String NAME = "PcapDns";

    @Override public String name() { return NAME; }
    @Override public String description() { return "DNS responses over UDP and TCP (names looked up and their addresses) from packet captures"; }

    static Fields record(Instant time, long packet, String clientIp, int clientPort, String serverIp, int serverPort, DnsMessage m,
                         String transport) {
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
        return Fields.builder()
                .put("timestamp", time == null ? null : MvtTime.format(time))
                .put("packet", packet)
                .put("client_ip", clientIp)
                .put("client_port", clientPort)
                .put("server_ip", serverIp)
                .put("server_port", serverPort)
                .put("dns_id", m.id())
                .put("query_name", m.queryName())
                .put("query_type", m.questions().isEmpty() ? null : typeName(m.questions().get(0).type()))
                .put("rcode", m.rcode())
                .put("answers", answers)
                .put("cnames", cnames)
                .put("addresses", addresses)
                .put("transport", transport)
                .build();
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
        return List.of(new TimelineEvent(t, slug(), "dns_query", "DNS query for " + r.text("query_name") + " by " + CaptureText.who(r)
                + (ips.isEmpty() ? "" : " [IPs: " + String.join(", ", ips) + "]")));
    }
}
