package org.cotejo.correlation.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.correlation.enrich.EnrichmentFiles.Loaded;
import org.cotejo.correlation.enrich.EnrichmentSource.Kind;
import org.cotejo.correlation.enrich.EnrichmentWriter.Format;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EnrichmentWriterTest {
    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);
    private static final Instant T1 = Instant.parse("2019-11-02T10:00:00Z");
    private static final Instant T2 = Instant.parse("2020-01-15T08:30:00.250Z");

    @TempDir Path dir;

    /** Everything but where it was read: what must survive a write and a read. */
    private static List<String> meaning(Loaded loaded) {
        List<String> out = new ArrayList<>();
        EnrichmentIndex ix = loaded.index();
        for (String d : List.of("evil-delivery.com", "quote\"d.example")) ix.resolutions(d).forEach(r -> out.add(List.of(r.domain(), r.ip(),
                String.valueOf(r.firstSeen()), String.valueOf(r.lastSeen())).toString()));
        for (String d : List.of("evil-delivery.com", "plain.example")) ix.whois(d).ifPresent(w -> out.add(List.of(w.domain(), w.registrar(),
                String.valueOf(w.created()), w.registrantEmail(), w.nameServers().toString()).toString()));
        for (String h : List.of("203.0.113.7", "2001:db8::7")) ix.certificates(h).forEach(c -> out.add(List.of(c.host(), c.certSha256(),
                c.keySha256(), c.subject(), String.valueOf(c.notBefore()), String.valueOf(c.notAfter())).toString()));
        for (String ip : List.of("203.0.113.9", "2001:db8::1")) ix.prefixOf(ip).ifPresent(p -> out.add(List.of(p.prefix(),
                String.valueOf(p.asn()), p.asName()).toString()));
        return out;
    }

    private static void writeWorld(Path d, Format format) throws Exception {
        String ext = format == Format.CSV ? ".csv" : ".jsonl";
        try (EnrichmentWriter w = EnrichmentWriter.open(d.resolve("pdns" + ext), Kind.PASSIVE_DNS, format, "simulator, seed 7", DAY)) {
            w.resolution("evil-delivery.com", "203.0.113.7", T1, T2).resolution("evil-delivery.com", "2001:db8::7", null, null);
        }
        try (EnrichmentWriter w = EnrichmentWriter.open(d.resolve("whois" + ext), Kind.WHOIS, format, "simulator", DAY)) {
            w.whois("evil-delivery.com", "Registrar, \"Quoted\" Inc.", LocalDate.of(2019, 11, 1), "ops@evil-mail.example",
                    List.of("ns1.evil-dns.example", "ns2.evil-dns.example"));
            w.whois("plain.example", "", null, "", List.of());
        }
        try (EnrichmentWriter w = EnrichmentWriter.open(d.resolve("tls" + ext), Kind.TLS, format, "simulator", DAY)) {
            w.certificate("203.0.113.7", "ab".repeat(32), "cd".repeat(32), "CN=evil-delivery.com, O=#1", T1, T2);
            w.certificate("2001:db8::7", "ef".repeat(32), "", "", null, null);
        }
        try (EnrichmentWriter w = EnrichmentWriter.open(d.resolve("asn" + ext), Kind.ASN, format, "simulator", DAY)) {
            w.prefix("203.0.113.0/24", 64496, "Bulk Hosting, Ltd").prefix("2001:db8::/32", 4_200_000_000L, "");
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsBackWhatItWroteInEitherFormat(Format format) throws Exception {
        writeWorld(dir, format);
        String ext = format == Format.CSV ? ".csv" : ".jsonl";
        Loaded loaded = EnrichmentFiles.load(List.of(dir.resolve("pdns" + ext), dir.resolve("whois" + ext), dir.resolve("tls" + ext),
                dir.resolve("asn" + ext)));

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.sources()).extracting(EnrichmentSource::records).containsExactly(2L, 2L, 2L, 2L);
        assertThat(loaded.sources()).extracting(EnrichmentSource::date).containsOnly(DAY);
        assertThat(loaded.sources().get(0).source()).isEqualTo("simulator, seed 7");
        assertThat(meaning(loaded)).containsExactly(
                "[evil-delivery.com, 2001:db8::7, null, null]",
                "[evil-delivery.com, 203.0.113.7, 2019-11-02T10:00:00Z, 2020-01-15T08:30:00.250Z]",
                "[evil-delivery.com, Registrar, \"Quoted\" Inc., 2019-11-01, ops@evil-mail.example, [ns1.evil-dns.example, ns2.evil-dns.example]]",
                "[plain.example, , null, , []]",
                "[203.0.113.7, " + "ab".repeat(32) + ", " + "cd".repeat(32) + ", CN=evil-delivery.com, O=#1, 2019-11-02T10:00:00Z, 2020-01-15T08:30:00.250Z]",
                "[2001:db8::7, " + "ef".repeat(32) + ", , , null, null]",
                "[203.0.113.0/24, 64496, Bulk Hosting, Ltd]",
                "[2001:db8::/32, 4200000000, ]");
    }

    @Test
    void writesTheDocumentedLayoutTheSameWayEveryTime() throws Exception {
        StringWriter csv = new StringWriter();
        try (EnrichmentWriter w = EnrichmentWriter.to(csv, Kind.PASSIVE_DNS, Format.CSV, "CIRCL passive DNS", DAY)) {
            w.resolution("evil-delivery.com", "203.0.113.7", T1, null);
        }
        assertThat(csv.toString()).isEqualTo("""
                # kind: passive-dns
                # source: CIRCL passive DNS
                # date: 2024-05-01
                domain,ip,first_seen,last_seen
                evil-delivery.com,203.0.113.7,2019-11-02T10:00:00Z,
                """);
        StringWriter jsonl = new StringWriter();
        try (EnrichmentWriter w = EnrichmentWriter.to(jsonl, Kind.ASN, Format.JSON_LINES, null, null)) {
            w.prefix("203.0.113.0/24", 64496, "Bulk Hosting");
        }
        assertThat(jsonl.toString()).isEqualTo("""
                {"cotejo_enrichment":{"kind":"asn"}}
                {"prefix":"203.0.113.0/24","asn":64496,"as_name":"Bulk Hosting"}
                """);

        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        writeWorld(a, Format.JSON_LINES);
        writeWorld(b, Format.JSON_LINES);
        assertThat(Files.readAllBytes(a.resolve("tls.jsonl"))).isEqualTo(Files.readAllBytes(b.resolve("tls.jsonl")));
    }

    @Test
    void refusesARecordOfAnotherKindAndALineBreakInAField() throws Exception {
        try (EnrichmentWriter w = EnrichmentWriter.to(new StringWriter(), Kind.ASN, Format.CSV, "s", DAY)) {
            assertThatThrownBy(() -> w.resolution("a.example", "192.0.2.1", null, null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("this is a asn file");
            assertThatThrownBy(() -> w.prefix("192.0.2.0/24", 1, "two\nlines")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
