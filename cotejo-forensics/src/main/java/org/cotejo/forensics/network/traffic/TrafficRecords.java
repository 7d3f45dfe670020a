package org.cotejo.forensics.network.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.DomainNames;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.IpAddresses;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.core.observable.Refang;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Record;

/**
 * One reading of the records every network module writes under its own field names (Zeek's, Suricata's,
 * the pcap modules', the netlog module's): DNS answers, TLS sessions and connections, with normalised
 * names and addresses. Heuristics and the traffic enrichment writer read traffic through here, so a new
 * network module is taught to both in one place. Field names relied on are listed per module below.
 */
public final class TrafficRecords {
    /** Modules whose records carry DNS answers. */
    public static final Set<String> DNS = Set.of("zeek_dns", "suricata_dns", "pcap_dns", "netlog");
    /** Modules whose records are TLS sessions. */
    public static final Set<String> TLS = Set.of("zeek_ssl", "suricata_tls", "pcap_tls", "pcap_certificates");
    /** Modules whose records are connections (flows); a TLS session is one too. */
    public static final Set<String> CONNECTIONS = Set.of("zeek_conn", "suricata_flow", "pcap_flows");
    /** Modules whose records are server certificates without their connection (Zeek's x509.log). */
    public static final Set<String> CERTIFICATES = Set.of("zeek_x509");

    private TrafficRecords() {}

    /**
     * A DNS answer: {@code name} resolved to {@code addresses} (canonical IPs, in answer order) for
     * {@code client} at {@code time} (null when unknown).
     */
    public record DnsAnswer(String client, String name, List<String> addresses, Instant time, Notes notes) {
        /** An answer without notes: the stages that read it keep what they know of its name themselves. */
        public DnsAnswer(String client, String name, List<String> addresses, Instant time) {
            this(client, name, addresses, time, null);
        }
    }

    /**
     * What the stages that follow names through traffic (heuristics, the traffic facts) note about one name,
     * shared by every DNS answer for that name in one run ({@link Views}): a stage finds what it knew of the
     * name on the answer itself instead of looking the name up in a table of 100,000s of names for each of
     * millions of lines. Each stage keys its note by an object of its own run (its session), so notes of
     * different stages or runs never mix. Written and read by the judging thread only.
     */
    public static final class Notes {
        private static final int MAX_OWNERS = 8;
        /* the first four owners in fields, read with the notes' own cache line (the stages of a check are four) */
        private Object owner0, note0, owner1, note1, owner2, note2, owner3, note3;
        private Object[] more;

        /** What {@code owner} noted, or null. */
        public Object get(Object owner) {
            if (owner0 == owner) return note0;
            if (owner1 == owner) return note1;
            if (owner2 == owner) return note2;
            if (owner3 == owner) return note3;
            Object[] p = more;
            if (p != null) for (int i = 0; i < p.length && p[i] != null; i += 2) if (p[i] == owner) return p[i + 1];
            return null;
        }

        /** Notes {@code value} for {@code owner} (past {@value #MAX_OWNERS} owners, nothing is kept: the owner looks the name up itself). */
        public void put(Object owner, Object value) {
            if (owner0 == null || owner0 == owner) {
                owner0 = owner;
                note0 = value;
            } else if (owner1 == null || owner1 == owner) {
                owner1 = owner;
                note1 = value;
            } else if (owner2 == null || owner2 == owner) {
                owner2 = owner;
                note2 = value;
            } else if (owner3 == null || owner3 == owner) {
                owner3 = owner;
                note3 = value;
            } else {
                Object[] p = more;
                if (p == null) more = p = new Object[2 * (MAX_OWNERS - 4)];
                int i = 0;
                while (i < p.length && p[i] != null && p[i] != owner) i += 2;
                if (i == p.length) return;
                p[i] = owner;
                p[i + 1] = value;
            }
        }
    }

    /**
     * One run's reading of traffic views ahead of judging: {@link #prepare} reads a record's view on the
     * thread that read the record, while its fields are in that core's cache, and gives each DNS answer the
     * {@link Notes} of its name (one per distinct name, up to {@value #MAX_NAMES} names; later names go without).
     */
    public static final class Views {
        static final int MAX_NAMES = 1 << 18;
        private final NameTable<Notes> notes = new NameTable<>(MAX_NAMES);

        /** Reads the traffic view of {@code r} now and keeps it with the record's fields (see {@link Fields#derived}). */
        public void prepare(Record r) {
            String m = r.module();
            if (DNS.contains(m)) r.fields().derived(DnsAnswer.class, f -> noted(readDns(r.module(), f, r.observables())));
            else if (TLS.contains(m)) tls(r);
            else if (CERTIFICATES.contains(m)) certificate(r);
            else if (CONNECTIONS.contains(m)) connection(r);
        }

        private DnsAnswer noted(DnsAnswer a) {
            if (a == null) return null;
            Notes n = notesOf(notes, a.name());
            return n == null ? a : new DnsAnswer(a.client(), a.name(), a.addresses(), a.time(), n);
        }
    }

    /** The notes of {@code name} in {@code table}, made on first request; null when the table keeps no more names. */
    public static Notes notesOf(NameTable<Notes> table, String name) {
        Notes n = table.get(name);
        if (n == null && !table.put(name, n = new Notes())) return null;
        return n;
    }

    /**
     * A TLS session from {@code client} to {@code server}: the SNI (null when the ClientHello had none), and
     * what is known of the server's certificate: {@code selfSigned} (null when the record does not say),
     * its SHA-256 ({@code certSha256}, lower-case hex, or null), subject and issuer (or null).
     */
    public record TlsSession(String client, String server, Long port, String sni, Boolean selfSigned, String certSha256,
                             String subject, String issuer, Instant time) {}

    /** A connection from {@code client} to {@code server} (port may be null) at {@code time}. */
    public record Connection(String client, String server, Long port, Instant time) {}

    /**
     * A server certificate seen without its connection: SHA-256 and the names it is valid for.
     */
    public record Certificate(String certSha256, String subject, String issuer, List<String> names, Instant time) {}

    public static Instant time(Record r) {
        return time(r.fields());
    }

    /** A record's time as the traffic views read it: its {@code timestamp}. */
    public static Instant time(Fields f) {
        return MvtTime.parse(f.string("timestamp"));
    }

    /**
     * The DNS answer of a record of a {@link #DNS} module, or null (a query without answers included: addresses
     * empty). Read once per record: two heuristics and the enrichment writer ask in turn.
     */
    public static DnsAnswer dns(Record r) {
        return r.fields().derived(DnsAnswer.class, f -> readDns(r.module(), f, r.observables()));
    }

    /** A name already normalised, as the record's own domain observable gives it. */
    private record Host(String name) {}

    /**
     * The host named by {@code field}: the record's domain observable of that field when there is one and
     * normalising the raw text as a host gives the same (no defanging marks or invisible characters for the
     * observable's normaliser to remove first), so a name read from traffic is normalised once, not twice;
     * else the raw text, for {@link #host}.
     */
    private static Object observedHost(Fields f, List<ObservedValue> observables, String field) {
        String raw = f.string(field);
        if (raw == null || Refang.refang(raw) != raw) return raw;
        for (ObservedValue ov : observables) {
            if (ov.observable().type() == ObservableType.DOMAIN && ov.field().equals(field) && raw.equals(ov.observable().raw())) {
                return new Host(ov.observable().value());
            }
        }
        return raw;
    }

    /**
     * The DNS answer, without notes, of a record of {@code module} with these fields and observables: what {@link #dns}
     * gives for it (a reader that knows a name's answer already makes the next one from it).
     */
    public static DnsAnswer readDns(String module, Fields f, List<ObservedValue> observables) {
        Object name;
        List<String> raw = new ArrayList<>();
        String client;
        switch (module) {
            case "zeek_dns" -> { return answer(f, observedHost(f, observables, "query"), f.list("answers"), f.string("id.orig_h")); }
            case "pcap_dns" -> { return answer(f, observedHost(f, observables, "query_name"), f.list("addresses"), f.string("client_ip")); }
            case "netlog" -> { return answer(f, observedHost(f, observables, "domain"), f.list("answers"), f.string("client_ip")); }
            case "suricata_dns" -> {
                Fields dns = f.object("dns");
                if (dns == null) return null;
                name = dns.string("rrname");
                if (name == null) {
                    for (Object q : dns.list("queries")) if (name == null && q instanceof Map<?, ?> m && m.get("rrname") instanceof String s) name = s;
                }
                if (dns.string("rdata") != null) raw.add(dns.string("rdata"));
                for (Object a : dns.list("answers")) if (a instanceof Map<?, ?> m && m.get("rdata") instanceof String s) raw.add(s);
                Fields grouped = dns.object("grouped");
                if (grouped != null) for (String type : List.of("A", "AAAA")) raw.addAll(grouped.strings(type));
                client = "answer".equals(dns.string("type")) ? f.string("dest_ip") : f.string("src_ip");
            }
            default -> { return null; }
        }
        return answer(f, name, raw, client);
    }

    /** The answer of {@code r}: its name (raw text or a {@link Host}), the canonical addresses among {@code raw} once each, the client. */
    private static DnsAnswer answer(Fields f, Object name, List<?> raw, String client) {
        String host = name instanceof Host h ? h.name : host((String) name);
        if (host == null) return null;
        return new DnsAnswer(ip(client), host, addresses(raw), time(f));
    }

    /** The canonical addresses among {@code raw} (other answers, CNAME targets, are not addresses), each once, in order. */
    private static List<String> addresses(List<?> raw) {
        int n = raw.size();
        if (n == 0) return List.of();
        // nearly every answer: one or two plain dotted quads, already canonical and distinct
        if (n <= 2 && raw.get(0) instanceof String a && IpAddresses.plainIpv4Bits(a) >= 0) {
            if (n == 1) return List.of(a);
            if (raw.get(1) instanceof String b && IpAddresses.plainIpv4Bits(b) >= 0 && !a.equals(b)) return List.of(a, b);
        }
        List<String> addresses = new ArrayList<>(n);
        for (Object o : raw) {
            String ip = o == null ? null : ip(o instanceof String s ? s : String.valueOf(o));
            if (ip != null && !addresses.contains(ip)) addresses.add(ip);
        }
        return List.copyOf(addresses);
    }

    /**
     * The TLS session of a record of a {@link #TLS} module, or null. Self-signed is read from Zeek's
     * {@code validation_status} ("self signed certificate", "self signed certificate in certificate chain"),
     * from Suricata's {@code tls.subject} equal to {@code tls.issuerdn}, and from the {@code self_signed}
     * boolean of a capture's server certificate ({@code PcapCertificates}, the chain's first certificate;
     * the ClientHello records of {@code PcapTls} carry no certificate).
     */
    public static TlsSession tls(Record r) {
        return r.fields().derived(TlsSession.class, f -> readTls(r));
    }

    private static TlsSession readTls(Record r) {
        Fields f = r.fields();
        return switch (r.module()) {
            case "zeek_ssl" -> {
                String status = f.string("validation_status");
                Boolean self = status == null ? null : status.toLowerCase(Locale.ROOT).contains("self signed");
                List<String> fps = f.strings("cert_chain_fps");
                yield new TlsSession(ip(f.string("id.orig_h")), ip(f.string("id.resp_h")), f.longValue("id.resp_p"),
                        host(f.string("server_name")), self, fps.isEmpty() ? null : hex(fps.get(0)), f.string("subject"), f.string("issuer"), time(r));
            }
            case "suricata_tls" -> {
                Fields tls = f.object("tls");
                if (tls == null) yield null;
                String subject = tls.string("subject");
                String issuer = tls.string("issuerdn");
                Boolean self = subject == null || issuer == null ? null : subject.equals(issuer);
                yield new TlsSession(ip(f.string("src_ip")), ip(f.string("dest_ip")), f.longValue("dest_port"), host(tls.string("sni")),
                        self, null, subject, issuer, time(r));
            }
            case "pcap_tls" -> new TlsSession(ip(f.string("client_ip")), ip(f.string("server_ip")), f.longValue("server_port"),
                    host(f.string("server_name")), null, null, null, null, time(r));
            case "pcap_certificates" -> {
                Long position = f.longValue("position");
                if (position != null && position != 0) yield null;
                Object self = f.get("self_signed");
                yield new TlsSession(ip(f.string("client_ip")), ip(f.string("server_ip")), f.longValue("server_port"),
                        host(f.string("server_name")), self instanceof Boolean b ? b : null, hex(f.string("sha256")),
                        f.string("subject"), f.string("issuer"), time(r));
            }
            default -> null;
        };
    }

    /** The connection of a record of a {@link #CONNECTIONS} or {@link #TLS} module, or null. */
    public static Connection connection(Record r) {
        return r.fields().derived(Connection.class, f -> readConnection(r));
    }

    private static Connection readConnection(Record r) {
        Fields f = r.fields();
        return switch (r.module()) {
            case "zeek_conn", "zeek_ssl" -> new Connection(ip(f.string("id.orig_h")), ip(f.string("id.resp_h")), f.longValue("id.resp_p"), time(r));
            case "suricata_flow", "suricata_tls" -> new Connection(ip(f.string("src_ip")), ip(f.string("dest_ip")), f.longValue("dest_port"), time(r));
            case "pcap_tls", "pcap_flows" -> new Connection(ip(f.string("client_ip")), ip(f.string("server_ip")), f.longValue("server_port"), time(r));
            default -> null;
        };
    }

    /** The certificate of a Zeek x509.log record ({@code fingerprint}, {@code certificate.subject}, {@code san.dns}), or null. */
    public static Certificate certificate(Record r) {
        return r.fields().derived(Certificate.class, f -> readCertificate(r));
    }

    private static Certificate readCertificate(Record r) {
        if (!r.module().equals("zeek_x509")) return null;
        Fields f = r.fields();
        String fp = hex(f.string("fingerprint"));
        if (fp == null || fp.length() != 64) return null;
        List<String> names = new ArrayList<>();
        for (String n : f.strings("san.dns")) {
            String h = host(n);
            if (h != null) names.add(h);
        }
        return new Certificate(fp, f.string("certificate.subject"), f.string("certificate.issuer"), List.copyOf(names), time(r));
    }

    /** A canonical IP address, or null when {@code raw} is not one. */
    public static String ip(String raw) {
        if (raw == null) return null;
        if (IpAddresses.plainIpv4Bits(raw) >= 0) return raw; // already canonical: nearly every address in traffic
        if (raw.isBlank() || !addressLike(raw)) return null;
        try {
            return IpAddresses.parseIp(raw.strip()).value();
        } catch (InvalidObservableException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A normalised host name, or null when {@code raw} is empty, an address or not a name. */
    public static String host(String raw) {
        if (raw == null || raw.isBlank() || (addressLike(raw) && ip(raw) != null)) return null;
        try {
            return DomainNames.normalise(raw.strip());
        } catch (InvalidObservableException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Digits and dots only, or a colon: worth parsing as an address (names are not, and a failed parse is costly). */
    private static boolean addressLike(String s) {
        if (s.indexOf(':') >= 0) return true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != ' ') return false;
        }
        return true;
    }

    /** Whether {@code ip} (canonical) is private, loopback, link-local, shared (CGNAT) or unique-local: a phone's side of the network. */
    public static boolean local(String ip) {
        if (ip == null) return false;
        try {
            java.net.InetAddress a = java.net.InetAddress.getByName(ip);
            if (a.isSiteLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()) return true;
            byte[] b = a.getAddress();
            if (b.length == 4) return (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
            return (b[0] & 0xFE) == 0xFC;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String hex(String s) {
        if (s == null) return null;
        String h = s.strip().replace(":", "").toLowerCase(Locale.ROOT);
        return h.isEmpty() || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? null : h;
    }
}
