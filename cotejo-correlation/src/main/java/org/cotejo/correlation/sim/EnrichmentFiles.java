package org.cotejo.correlation.sim;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cotejo.correlation.enrich.AsnPrefix;
import org.cotejo.correlation.enrich.DnsResolution;
import org.cotejo.correlation.enrich.EnrichmentIndex;
import org.cotejo.correlation.enrich.EnrichmentSource;
import org.cotejo.correlation.enrich.Fact;
import org.cotejo.correlation.enrich.TlsCertificate;
import org.cotejo.correlation.enrich.WhoisRecord;

/**
 * Writes a world's infrastructure facts as the CSV enrichment files of docs/enrichment.md (two comment
 * lines naming the source and date, a header row, one fact per row) and builds the in-memory index from
 * the same rows, each fact citing its file, the file's SHA-256 and its line: the index is what reading
 * the written files gives.
 */
final class EnrichmentFiles {
    static final String PASSIVE_DNS = "passive-dns.csv";
    static final String WHOIS = "whois.csv";
    static final String TLS = "tls.csv";
    static final String ASN = "asn.csv";
    /** Comment lines and the header come before the first fact, which is on this line. */
    private static final int FIRST_FACT_LINE = 4;
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();

    private final List<World.EnrichmentFile> files = new ArrayList<>();
    private final EnrichmentIndex index;

    EnrichmentFiles(EnrichmentRows rows, long seed) {
        String source = "cotejo simulate (seed " + seed + ")";
        EnrichmentIndex.Builder b = EnrichmentIndex.builder();
        EnrichmentSource dns = write(EnrichmentSource.Kind.PASSIVE_DNS, PASSIVE_DNS, source, rows.resolutions,
                List.of("domain", "ip", "first_seen", "last_seen"),
                r -> List.of(r.domain(), r.ip(), text(r.firstSeen()), text(r.lastSeen())));
        EnrichmentSource whois = write(EnrichmentSource.Kind.WHOIS, WHOIS, source, rows.whois,
                List.of("domain", "registrar", "created", "registrant_email", "name_servers"),
                r -> List.of(r.domain(), r.registrar(), r.created().toString(), r.registrantEmail(), String.join(";", r.nameServers())));
        EnrichmentSource tls = write(EnrichmentSource.Kind.TLS, TLS, source, rows.tls,
                List.of("host", "cert_sha256", "key_sha256", "subject", "not_before", "not_after"),
                r -> List.of(r.host(), r.certSha256(), r.keySha256(), r.subject(), text(r.notBefore()), text(r.notAfter())));
        EnrichmentSource asn = write(EnrichmentSource.Kind.ASN, ASN, source, rows.asn, List.of("prefix", "asn", "as_name"),
                r -> List.of(r.prefix(), Long.toString(r.asn()), r.asName()));
        List.of(dns, whois, tls, asn).forEach(b::source);
        int line = FIRST_FACT_LINE;
        for (var r : rows.resolutions) b.resolution(new DnsResolution(r.domain(), r.ip(), r.firstSeen(), r.lastSeen(), new Fact(dns, line++)));
        line = FIRST_FACT_LINE;
        for (var r : rows.whois) {
            b.whois(new WhoisRecord(r.domain(), r.registrar(), r.created(), r.registrantEmail(),
                    r.nameServers().stream().sorted().toList(), new Fact(whois, line++)));
        }
        line = FIRST_FACT_LINE;
        for (var r : rows.tls) {
            b.certificate(new TlsCertificate(r.host(), r.certSha256(), r.keySha256(), r.subject(), r.notBefore(), r.notAfter(),
                    new Fact(tls, line++)));
        }
        line = FIRST_FACT_LINE;
        for (var r : rows.asn) b.prefix(new AsnPrefix(r.prefix(), r.asn(), r.asName(), new Fact(asn, line++)));
        index = b.build();
    }

    List<World.EnrichmentFile> files() { return files; }

    EnrichmentIndex index() { return index; }

    private <T> EnrichmentSource write(EnrichmentSource.Kind kind, String name, String source, List<T> rows,
                                       List<String> header, Function<T, List<String>> cells) {
        StringWriter out = new StringWriter();
        out.append("# source: ").append(source).append('\n');
        out.append("# date: ").append(InfrastructureGenerator.AS_OF.toString()).append('\n');
        try (CSVPrinter p = new CSVPrinter(out, CSV)) {
            p.printRecord(header);
            for (T r : rows) p.printRecord(cells.apply(r));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        files.add(new World.EnrichmentFile(kind, name, bytes));
        return new EnrichmentSource(kind, name, FeedPublisher.sha256(bytes), source, LocalDate.from(InfrastructureGenerator.AS_OF),
                rows.size());
    }

    private static String text(Instant t) {
        return t == null ? "" : t.toString();
    }
}
