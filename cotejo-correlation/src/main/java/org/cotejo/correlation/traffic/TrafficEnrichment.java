package org.cotejo.correlation.traffic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.HashMap;
import org.cotejo.core.time.IsoInstants;
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
            if (a == null || a.addresses().isEmpty()) return;
            if (a.time() != null && (latest == null || a.time().isAfter(latest))) latest = a.time();
            Known known = a.notes() == null ? null : (Known) a.notes().get(this);
            if (known != null && known.addresses != null && (known.addresses == a.addresses() || known.addresses.equals(a.addresses()))) {
                for (Sighting s : known.sightings) s.add(a.time(), r.provenance());
                return;
            }
            Map<String, Sighting> of = known != null ? known.of : resolutions.get(a.name());
            for (String ip : a.addresses()) of = see(resolutions, of, a.name(), ip, null, a.time(), r.provenance());
            if (of != null && a.notes() != null) a.notes().put(this, new Known(of, a.addresses()));
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
        see(facts, facts.get(first), first, second, subject, time, where);
    }

    /**
     * Counts a sighting of the fact (first, second); {@code of} is what {@code facts} holds for {@code first}
     * (null when nothing yet), which is returned, made if this sighting is its first fact.
     */
    private Map<String, Sighting> see(Map<String, Map<String, Sighting>> facts, Map<String, Sighting> of, String first, String second,
                                      String subject, Instant time, Provenance where) {
        Sighting s = of == null ? null : of.get(second);
        if (s == null) {
            if (resolutionCount + certificateCount >= MAX_FACTS) {
                dropped++;
                return of;
            }
            if (of == null) facts.put(first, of = new HashMap<>(4));
            of.put(second, new Sighting(subject, time, where));
            if (facts == resolutions) resolutionCount++;
            else certificateCount++;
        } else {
            s.add(time, where);
        }
        return of;
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
        if (resolutionCount > 0) write(dir, PASSIVE_DNS, Kind.PASSIVE_DNS, stated, date, resolutions);
        if (certificateCount > 0) write(dir, TLS, Kind.TLS, stated, date, certificates);
    }

    private static void write(Path dir, String name, Kind kind, String source, LocalDate date, Map<String, Map<String, Sighting>> facts)
            throws IOException {
        Path provenance = dir.resolve(name.replace(".csv", ".provenance.ndjson"));
        try (EnrichmentWriter w = EnrichmentWriter.open(dir.resolve(name), kind, EnrichmentWriter.Format.CSV, source, date);
             BufferedWriter p = Files.newBufferedWriter(provenance, StandardCharsets.UTF_8);
             JsonGenerator g = JSON.getFactory().createGenerator(p)) {
            g.setPrettyPrinter(new MinimalPrettyPrinter("")); // one compact object per line, the newline written below
            // the writer's header lines: # kind, # source, # date (when stated), then the column names
            long line = 2 + (source.isEmpty() ? 0 : 1) + (date == null ? 0 : 1);
            String first = kind == Kind.PASSIVE_DNS ? "domain" : "host";
            String second = kind == Kind.PASSIVE_DNS ? "ip" : "cert_sha256";
            // sorted here, once, rather than kept sorted while reading: by first part, then second (the order of
            // the "first,second" lines: names and hosts hold no character that sorts before the comma)
            String[] firsts = facts.keySet().toArray(new String[0]);
            Arrays.parallelSort(firsts); // 100,000s of names: sorted on every core
            for (String k0 : firsts) {
                Map<String, Sighting> of = facts.get(k0);
                List<String> seconds = new ArrayList<>(of.keySet());
                seconds.sort(null);
                for (String k1 : seconds) {
                    Sighting s = of.get(k1);
                    line++;
                    if (kind == Kind.PASSIVE_DNS) w.resolution(k0, k1, s.first(), s.last());
                    else w.certificate(k0, k1, null, s.subject, null, null);
                    g.writeStartObject();
                    g.writeNumberField("line", line);
                    g.writeStringField(first, k0);
                    g.writeStringField(second, k1);
                    g.writeNumberField("sightings", s.count);
                    where(g, "first", s.firstWhere, s.first());
                    where(g, "last", s.lastWhere(), s.last());
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
            }
        }
    }

    private static void where(JsonGenerator g, String field, Provenance p, Instant t) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("file", p.file());
        g.writeStringField("at", p.locator());
        g.writeStringField("sha256", p.sha256());
        if (t != null) g.writeStringField("time", IsoInstants.text(t));
        g.writeEndObject();
    }

    /**
     * What the facts know of a DNS name, kept in the name's notes: its facts ({@code of}), and the facts of one list of
     * addresses, in its order, when every one is kept: rows that repeat a name's answers (a reader may hand the very
     * same list again) are one more sighting of each, with no look-up.
     */
    private static final class Known {
        final Map<String, Sighting> of;
        final List<String> addresses;
        final Sighting[] sightings;

        Known(Map<String, Sighting> of, List<String> addresses) {
            this.of = of;
            Sighting[] s = new Sighting[addresses.size()];
            for (int i = 0; i < s.length; i++) s[i] = of.get(addresses.get(i));
            boolean all = !Arrays.asList(s).contains(null);
            this.addresses = all ? addresses : null;
            this.sightings = all ? s : null;
        }
    }

    /**
     * One fact's sightings: count, earliest and latest (with where), subject for certificates. Every sighting of a fact
     * seen in time order is its latest: the times are kept as numbers, and where the latest was, when its place is
     * "line N" of the file of the one before, as that number, so the fact holds no object of the sighting's record.
     * (An object held by a fact lives as long as the fact: ten million lines would each leave one to the collector's
     * old generation, copied there on the way.)
     */
    private static final class Sighting {
        final String subject;
        long count = 1;
        /** Whether the times below are set (a sighting may have no time). */
        private boolean timed;
        private long firstSecond;
        private int firstNano;
        private long lastSecond;
        private int lastNano;
        Provenance firstWhere;
        /** Where the latest sighting was: {@code lastBase} itself, or its file at "line {@code lastLine}". */
        private Provenance lastBase;
        private long lastLine = -1;

        Sighting(String subject, Instant t, Provenance where) {
            this.subject = subject;
            firstWhere = where;
            lastBase = where;
            if (t != null) {
                timed = true;
                firstSecond = lastSecond = t.getEpochSecond();
                firstNano = lastNano = t.getNano();
            }
        }

        void add(Instant t, Provenance where) {
            count++;
            if (t == null) return;
            long second = t.getEpochSecond();
            int nano = t.getNano();
            if (!timed || second < firstSecond || (second == firstSecond && nano < firstNano)) {
                firstSecond = second;
                firstNano = nano;
                firstWhere = where;
            }
            if (!timed || second > lastSecond || (second == lastSecond && nano > lastNano)) {
                lastSecond = second;
                lastNano = nano;
                long line = line(where.locator());
                if (line >= 0 && sameFile(lastBase, where)) {
                    lastLine = line;
                } else {
                    lastBase = where;
                    lastLine = -1;
                }
            }
            timed = true;
        }

        Instant first() { return timed ? Instant.ofEpochSecond(firstSecond, firstNano) : null; }

        Instant last() { return timed ? Instant.ofEpochSecond(lastSecond, lastNano) : null; }

        Provenance lastWhere() { return lastLine < 0 ? lastBase : lastBase.at(LINE + lastLine); }

        private static final String LINE = "line ";

        /** N of a locator "line N" written as {@code LINE + N} would write it, else -1. */
        private static long line(String locator) {
            int n = locator.length();
            if (n <= LINE.length() || n > LINE.length() + 18 || !locator.startsWith(LINE)) return -1;
            if (locator.charAt(LINE.length()) == '0' && n > LINE.length() + 1) return -1; // "line 007": kept as it is
            long v = 0;
            for (int i = LINE.length(); i < n; i++) {
                char c = locator.charAt(i);
                if (c < '0' || c > '9') return -1;
                v = v * 10 + (c - '0');
            }
            return v;
        }

        private static boolean sameFile(Provenance a, Provenance b) {
            return Objects.equals(a.file(), b.file()) && Objects.equals(a.logical(), b.logical()) && Objects.equals(a.sha256(), b.sha256());
        }
    }

    /** The facts' files under a results folder, if the check wrote any (for `cotejo correlate`). */
    public static List<Path> filesIn(Path resultsFolder) {
        Path dir = resultsFolder.resolve(FOLDER);
        return java.util.stream.Stream.of(PASSIVE_DNS, TLS).map(dir::resolve).filter(Files::isRegularFile).toList();
    }
}
