package org.cotejo.correlation.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cotejo.core.Hashing;
import org.cotejo.correlation.enrich.EnrichmentFiles.Loaded;
import org.cotejo.correlation.enrich.EnrichmentFiles.Meta;
import org.cotejo.correlation.enrich.EnrichmentSource.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichmentFilesTest {
    @TempDir Path dir;

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void registersAPassiveDnsCsvWithItsHashSourceDateAndRecordCount() throws Exception {
        Path pdns = file("pdns.csv", """
                # source: CIRCL passive DNS
                # date: 2024-05-01
                domain,ip,first_seen,last_seen
                WWW.Evil-Delivery.COM.,203.0.113.7,2019-11-02T10:00:00Z,1573000000
                evil-delivery.com,2001:DB8:0:0::7,,
                """);
        Loaded loaded = EnrichmentFiles.load(List.of(pdns));

        EnrichmentSource source = loaded.sources().get(0);
        assertThat(source).isEqualTo(new EnrichmentSource(Kind.PASSIVE_DNS, pdns.toString(), Hashing.sha256(pdns),
                "CIRCL passive DNS", LocalDate.of(2024, 5, 1), 2));
        assertThat(loaded.index().sources()).containsExactly(source);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.index().resolutions("evil-delivery.com")).containsExactly(
                new DnsResolution("evil-delivery.com", "2001:db8::7", null, null, new Fact(source, 5)),
                new DnsResolution("evil-delivery.com", "203.0.113.7", Instant.parse("2019-11-02T10:00:00Z"),
                        Instant.ofEpochSecond(1573000000), new Fact(source, 4)));
        assertThat(loaded.index().domainsOn("203.0.113.7")).extracting(r -> r.from().toString())
                .containsExactly(pdns + " line 4");
    }

    @Test
    void readsEachKindFromItsHeaderAlone() throws Exception {
        Path whois = file("whois.csv", """
                domain,registrar,created,registrant_email,name_servers
                evil-delivery.com,"NameCheap, Inc.",2019-11-01,Ops@Evil-Mail.example,NS2.Evil-DNS.example;ns1.evil-dns.example
                """);
        Path tls = file("tls.csv", """
                host,cert_sha256,key_sha256,subject,not_before,not_after
                203.0.113.7,AB:CD:%s,%s,"CN=evil-delivery.com, O=Acme",2019-11-01T00:00:00Z,2020-11-01T00:00:00Z
                """.formatted("EF:".repeat(29) + "01", "0".repeat(64)));
        Path asn = file("asn.csv", """
                prefix,asn,as_name
                203.0.113.0/24,AS64496,Bulk Hosting Ltd
                203.0.0.0/16,64497,Big Transit
                """);
        Loaded loaded = EnrichmentFiles.load(List.of(whois, tls, asn));

        assertThat(loaded.sources()).extracting(EnrichmentSource::kind).containsExactly(Kind.WHOIS, Kind.TLS, Kind.ASN);
        WhoisRecord w = loaded.index().whois("cdn.evil-delivery.com").orElseThrow();
        assertThat(w.registrar()).isEqualTo("NameCheap, Inc.");
        assertThat(w.created()).isEqualTo(LocalDate.of(2019, 11, 1));
        assertThat(w.registrantEmail()).isEqualTo("ops@evil-mail.example");
        assertThat(w.nameServers()).containsExactly("ns1.evil-dns.example", "ns2.evil-dns.example");
        TlsCertificate c = loaded.index().certificates("203.0.113.7").get(0);
        assertThat(c.certSha256()).isEqualTo("abcd" + "ef".repeat(29) + "01");
        assertThat(c.subject()).isEqualTo("CN=evil-delivery.com, O=Acme");
        assertThat(loaded.index().prefixOf("203.0.113.200").orElseThrow().asn()).isEqualTo(64496);
        assertThat(loaded.index().prefixOf("203.0.9.1").orElseThrow().asName()).isEqualTo("Big Transit");
    }

    @Test
    void readsJsonLinesWithTheirHeaderObject() throws Exception {
        Path whois = file("whois.jsonl", """
                {"cotejo_enrichment": {"kind": "whois", "source": "DomainTools export", "date": "2024-04-30"}}
                {"domain": "evil-delivery.com", "registrar": "Registrar A", "created": "2019-11-01T08:00:00Z", "name_servers": ["ns1.evil-dns.example"]}

                {"domain": "evil-validation.net", "registrant_email": null, "name_servers": "NS2.x.example; ns1.x.example"}
                """);
        Path pdns = file("pdns.jsonl", """
                {"domain": "evil-delivery.com", "ip": "203.0.113.7", "first_seen": 1573000000, "last_seen": "2020-01-15T09:30:00.5+01:00"}
                """);
        Loaded loaded = EnrichmentFiles.load(List.of(whois, pdns));

        assertThat(loaded.sources().get(0).source()).isEqualTo("DomainTools export");
        assertThat(loaded.sources().get(0).records()).isEqualTo(2);
        assertThat(loaded.index().whois("evil-delivery.com").orElseThrow().nameServers()).containsExactly("ns1.evil-dns.example");
        assertThat(loaded.index().whois("evil-validation.net").orElseThrow().from().line()).isEqualTo(4);
        assertThat(loaded.index().whois("evil-validation.net").orElseThrow().nameServers()).containsExactly("ns1.x.example", "ns2.x.example");
        DnsResolution r = loaded.index().resolutions("evil-delivery.com").get(0);
        assertThat(r.firstSeen()).isEqualTo(Instant.ofEpochSecond(1573000000));
        assertThat(r.lastSeen()).isEqualTo(Instant.parse("2020-01-15T08:30:00.500Z"));
        assertThat(loaded.sources().get(1).kind()).isEqualTo(Kind.PASSIVE_DNS);
    }

    @Test
    void refusesABadRecordByFileAndLineAndLoadsTheRest() throws Exception {
        Path pdns = file("pdns.csv", """
                # source: test
                # date: 2024-05-01
                domain,ip,first_seen,last_seen
                good.example,192.0.2.1,,
                bad..example,192.0.2.2,,
                good.example,192.0.2.999,,
                good.example,192.0.2.3,2024-05-01T10:00:00,
                good.example,192.0.2.4,2024-05-02T00:00:00Z,2024-05-01T00:00:00Z
                good.example,192.0.2.5,1714521600000,
                good.example,"192.0.2.6,
                good.example,192.0.2.7
                good.example,192.0.2.8,,
                """);
        Loaded loaded = EnrichmentFiles.load(List.of(pdns));

        assertThat(loaded.index().resolutions("good.example")).extracting(DnsResolution::ip).containsExactly("192.0.2.1", "192.0.2.8");
        assertThat(loaded.sources().get(0).records()).isEqualTo(2);
        assertThat(loaded.problems()).extracting(p -> p.line() + " " + p.reason().substring(0, p.reason().indexOf(' ')))
                .containsExactly("5 domain:", "6 ip:", "7 first_seen:", "8 last_seen", "9 first_seen:", "10 the", "11 has");
        assertThat(loaded.problems().get(0).toString()).startsWith(pdns + ", line 5: domain: not a valid domain name 'bad..example'");
        assertThat(loaded.problems().get(2).reason()).contains("has no time zone");
    }

    @Test
    void recordsPrivacyServiceRegistrantsAsEmptyWithANote() throws Exception {
        Path whois = file("whois.csv", """
                # source: test
                # date: 2024-05-01
                domain,registrar,created,registrant_email,name_servers
                a.example,R,,5f3c@domainsbyproxy.com,
                b.example,R,,REDACTED FOR PRIVACY,
                c.example,R,,owner@c-owner.example,
                """);
        Loaded loaded = EnrichmentFiles.load(List.of(whois));

        assertThat(loaded.index().whois("a.example").orElseThrow().registrantEmail()).isEmpty();
        assertThat(loaded.index().whois("b.example").orElseThrow().registrantEmail()).isEmpty();
        assertThat(loaded.index().whois("c.example").orElseThrow().registrantEmail()).isEqualTo("owner@c-owner.example");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.notes()).anySatisfy(n -> assertThat(n).contains("2 registrant e-mails are privacy").contains("lines 4, 5"));
    }

    @Test
    void warnsWhenAFileSaysNeitherWhoProducedItNorWhen() throws Exception {
        Path asn = file("asn.csv", "prefix,asn,as_name\n198.51.100.0/24,64500,X\n");
        Loaded loaded = EnrichmentFiles.load(List.of(asn));

        assertThat(loaded.sources().get(0).source()).isEmpty();
        assertThat(loaded.sources().get(0).date()).isNull();
        assertThat(loaded.problems()).extracting(EnrichmentFiles.Problem::line).containsExactly(0L, 0L);
        assertThat(loaded.problems().get(0).reason()).startsWith("no source stated");
        assertThat(loaded.index().prefixOf("198.51.100.9")).isPresent();
    }

    @Test
    void takesTheCallersSourceDateAndKindAndNotesWhereTheFileDisagrees() throws Exception {
        Path dns = file("export.csv", "# source: old name\ndomain\nonly-domains.example\n");
        Loaded loaded = EnrichmentFiles.load(List.of(dns),
                Map.of(dns, new Meta(Kind.WHOIS, "Analyst export", LocalDate.of(2024, 6, 1))));

        EnrichmentSource s = loaded.sources().get(0);
        assertThat(s.kind()).isEqualTo(Kind.WHOIS);
        assertThat(s.source()).isEqualTo("Analyst export");
        assertThat(s.date()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.notes()).contains(dns + ": source given as 'Analyst export' replaces the file's own 'old name'");
    }

    @Test
    void keepsTheProblemListOfAGarbageFileShortButCountsEveryBadRecord() throws Exception {
        StringBuilder b = new StringBuilder("# source: s\n# date: 2024-01-01\ndomain,ip\n");
        for (int i = 0; i < 50; i++) b.append("bad domain ").append(i).append(",192.0.2.1\n");
        Path pdns = file("pdns.csv", b.toString());
        Loaded loaded = EnrichmentFiles.load(List.of(pdns), Map.of(), new EnrichmentFiles.Limits(1 << 20, 1024, 10));

        assertThat(loaded.problems()).hasSize(11);
        assertThat(loaded.problems().get(10).reason()).isEqualTo("40 more bad records are not listed (the first 10 are)");
        assertThat(loaded.notes().get(0)).contains("0 records loaded, 50 refused");
    }

    @Test
    void letsALaterWhoisRecordOfTheSameDomainReplaceAnEarlierOne() throws Exception {
        Path older = file("whois-2023.csv", "# source: s\n# date: 2023-01-01\ndomain,registrar\nevil.example,Old Registrar\n");
        Path newer = file("whois-2024.jsonl", "{\"domain\":\"evil.example\",\"registrar\":\"New Registrar\"}\n");
        Loaded loaded = EnrichmentFiles.load(List.of(older, newer));

        assertThat(loaded.index().whois("evil.example").orElseThrow().registrar()).isEqualTo("New Registrar");
        assertThat(loaded.sources()).extracting(EnrichmentSource::file).containsExactly(older.toString(), newer.toString());
    }
}
