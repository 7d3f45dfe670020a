package org.cotejo.correlation.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.TreeMap;
import org.cotejo.correlation.enrich.EnrichmentSource.Kind;
import org.cotejo.correlation.enrich.EnrichmentWriter;
import org.cotejo.forensics.network.traffic.TrafficRecords;
import org.cotejo.forensics.network.traffic.TrafficRecords.Certificate;
import org.cotejo.forensics.network.traffic.TrafficRecords.DnsAnswer;
import org.cotejo.forensics.network.traffic.TrafficRecords.TlsSession;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;

/**
 * What a capture or a network log shows about infrastructure, kept as offline enrichment facts: every
 * DNS answer (name → address, with the first and last time it was seen) and every certificate a server
 * presented with a known SHA-256 (host or address → certificate, with its subject). The check writes them
 * into {@value #FOLDER}/ of its output folder as {@code passive-dns.csv} and {@code tls.csv}, in the
 * formats {@code cotejo correlate --enrichment} reads, and {@code cotejo correlate} loads them from a
 * results folder by itself. Each fact's line N is explained by line N of the
 * {@code .provenance.ndjson} file beside it: how often it was seen, and the file, locator (packet or log
 * line) and SHA-256 of its first and last sighting. Output is sorted, so the same traffic gives the same
 * bytes. Memory holds one entry per distinct fact, up to {@value #MAX_FACTS}; past that, new facts are
 * counted, not kept, and the files say so.
 */
public final class TrafficEnrichment {
    public static final String FOLDER = "traffic-enrichment";
    public static final String PASSIVE_DNS = "passive-dns.csv";
    public static final String TLS = "tls.csv";
    static final int MAX_FACTS = 250_000; // a few hundred bytes each: bounded well inside a 256 MiB heap
    private static final ObjectMapper JSON = new ObjectMapper();

    /*
     * Facts by their first part (name or host), then their second (address or certificate): no "name,address"
     * key string is built (and hashed) per sighting.
     */
    private final Map<String, Map<String, Sighting>> resolutions = new HashMap<>();
    private final Map<String, Map<String, Sighting>> certificates = new HashMap<>();
    private int resolutionCount;
    private int certificateCount;
    private long dropped;
    private Instant latest;

    /** Keeps what {@code r} shows, if it is a DNS answer, a TLS session with a certificate hash or a certificate. */
    public void accept(Record r) {
        String module = r.module();
        if (TrafficRecords.DNS.contains(module)) {
            DnsAnswer a = TrafficRecords.dns(r);
            if (a != null) for (String ip : a.addresses()) see(resolutions, a.name(), ip, null, a.time(), r.provenance());
        } else if (TrafficRecords.TLS.contains(module)) {
            TlsSession s = TrafficRecords.tls(r);
            if (s != null && s.certSha256() != null && s.certSha256().length() == 64) {
                if (s.sni() != null) see(certificates, s.sni(), s.certSha256(), s.subject(), s.time(), r.provenance());
                if (s.server() != null) see(certificates, s.server(), s.certSha256(), s.subject(), s.time(), r.provenance());
            }
        } else if (TrafficRecords.CERTIFICATES.contains(module)) {
            Certificate c = TrafficRecords.certificate(r);
            if (c != null) for (String n : c.names()) see(certificates, n, c.certSha256(), c.subject(), c.time(), r.provenance());
        }
    }

    private void see(Map<String, Map<String, Sighting>> facts, String first, String second, String subject, Instant time, Provenance where) {
        if (time != null && (latest == null || time.isAfter(latest))) latest = time;
        Map<String, Sighting> of = facts.get(first);
        Sighting s = of == null ? null : of.get(second);
        if (s == null) {
            if (resolutionCount + certificateCount >= MAX_FACTS) {
                dropped++;
                return;
            }
            if (of == null) facts.put(first, of = new HashMap<>(4));
            of.put(second, new Sighting(subject, time, where));
            if (facts == resolutions) resolutionCount++;
            else certificateCount++;
        } else {
            s.add(time, where);
        }
    }

    public boolean isEmpty() { return resolutionCount == 0 && certificateCount == 0; }

    /** Facts kept: name-address pairs and host-certificate pairs. */
    public int resolutions() { return resolutionCount; }

    public int certificates() { return certificateCount; }

    /**
     * Writes the files into {@code outFolder}/{@value #FOLDER} ({@code source} names the evidence, e.g.
     * "cotejo check zeek /data/zeek"); the date stated is that of the latest sighting, so reruns agree.
     * Nothing is written when nothing was seen.
     */
    public void write(Path outFolder, String source) throws IOException {
        if (isEmpty()) return;
        Path dir = Files.createDirectories(outFolder.resolve(FOLDER));
        LocalDate date = latest == null ? null : LocalDate.ofInstant(latest, ZoneOffset.UTC);
        String stated = "traffic seen by " + source + (dropped > 0 ? " (" + dropped + " sightings of further facts not kept: over "
                + MAX_FACTS + " facts)" : "");
        if (resolutionCount > 0) write(dir, PASSIVE_DNS, Kind.PASSIVE_DNS, stated, date, flat(resolutions));
        if (certificateCount > 0) write(dir, TLS, Kind.TLS, stated, date, flat(certificates));
    }

    /** The facts keyed "first,second", the order the files list them in. */
    private static Map<String, Sighting> flat(Map<String, Map<String, Sighting>> facts) {
        Map<String, Sighting> out = new HashMap<>();
        facts.forEach((first, of) -> of.forEach((second, s) -> out.put(first + "," + second, s)));
        return out;
    }

    private static void write(Path dir, String name, Kind kind, String source, LocalDate date, Map<String, Sighting> facts) throws IOException {
        Path provenance = dir.resolve(name.replace(".csv", ".provenance.ndjson"));
        try (EnrichmentWriter w = EnrichmentWriter.open(dir.resolve(name), kind, EnrichmentWriter.Format.CSV, source, date);
             BufferedWriter p = Files.newBufferedWriter(provenance, StandardCharsets.UTF_8)) {
            // the writer's header lines: # kind, # source, # date (when stated), then the column names
            long line = 2 + (source.isEmpty() ? 0 : 1) + (date == null ? 0 : 1);
            // sorted here, once, rather than kept sorted while reading
            for (Map.Entry<String, Sighting> e : new TreeMap<>(facts).entrySet()) {
                String[] k = e.getKey().split(",", 2);
                Sighting s = e.getValue();
                line++;
                if (kind == Kind.PASSIVE_DNS) w.resolution(k[0], k[1], s.first, s.last);
                else w.certificate(k[0], k[1], null, s.subject, null, null);
                ObjectNode o = JSON.createObjectNode();
                o.put("line", line);
                o.put(kind == Kind.PASSIVE_DNS ? "domain" : "host", k[0]);
                o.put(kind == Kind.PASSIVE_DNS ? "ip" : "cert_sha256", k[1]);
                o.put("sightings", s.count);
                o.set("first", where(s.firstWhere, s.first));
                o.set("last", where(s.lastWhere, s.last));
                p.write(JSON.writeValueAsString(o));
                p.write('\n');
            }
        }
    }

    private static ObjectNode where(Provenance p, Instant t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("file", p.file());
        o.put("at", p.locator());
        o.put("sha256", p.sha256());
        if (t != null) o.put("time", t.toString());
        return o;
    }

    /** One fact's sightings: count, earliest and latest (with where), subject for certificates. */
    private static final class Sighting {
        final String subject;
        long count = 1;
        Instant first;
        Instant last;
        Provenance firstWhere;
        Provenance lastWhere;

        Sighting(String subject, Instant t, Provenance where) {
            this.subject = subject;
            first = t;
            last = t;
            firstWhere = where;
            lastWhere = where;
        }

        void add(Instant t, Provenance where) {
            count++;
            if (t == null) return;
            if (first == null || t.isBefore(first)) {
                first = t;
                firstWhere = where;
            }
            if (last == null || t.isAfter(last)) {
                last = t;
                lastWhere = where;
            }
        }
    }

    /** The facts' files under a results folder, if the check wrote any (for `cotejo correlate`). */
    public static List<Path> filesIn(Path resultsFolder) {
        Path dir = resultsFolder.resolve(FOLDER);
        return java.util.stream.Stream.of(PASSIVE_DNS, TLS).map(dir::resolve).filter(Files::isRegularFile).toList();
    }
}
