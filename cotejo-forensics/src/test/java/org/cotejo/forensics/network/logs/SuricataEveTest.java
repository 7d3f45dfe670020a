package org.cotejo.forensics.network.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cotejo.forensics.network.logs.EveWriter.obj;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuricataEveTest {
    static final String PHONE = "10.0.0.5";

    @TempDir Path root;

    private ModuleHarness.Result run(Path file, String... modules) throws Exception {
        try (Extraction x = SuricataEve.open(file)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.SURICATA);
            return ModuleHarness.run(x, modules);
        }
    }

    private Path sample() throws Exception {
        Files.writeString(root.resolve("other.json"), "{\"event_type\":\"dns\"}\n"); // a sibling: not part of the extraction
        return new EveWriter()
                .event("2025-01-01T13:00:00.123456+0100", "alert", PHONE, 50000, "198.51.100.9", 443, "TCP",
                        "alert", obj("action", "allowed", "gid", 1, "signature_id", 2_030_000, "rev", 2,
                                "signature", "ET MALWARE Pegasus CnC", "category", "A Network Trojan was detected", "severity", 1),
                        "app_proto", "tls", "tls", obj("sni", "c2.example.net", "version", "TLS 1.3"))
                .event("2025-01-01T12:00:01.000000+0000", "dns", PHONE, 53211, "10.0.0.1", 53, "UDP",
                        "dns", obj("type", "query", "id", 4242, "rrname", "c2.example.net", "rrtype", "A", "tx_id", 0))
                .event("2025-01-01T12:00:01.010000+0000", "dns", "10.0.0.1", 53, PHONE, 53211, "UDP",
                        "dns", obj("version", 2, "type", "answer", "id", 4242, "rrname", "c2.example.net", "rrtype", "A", "rcode", "NOERROR",
                                "answers", List.of(obj("rrname", "c2.example.net", "rrtype", "CNAME", "ttl", 60, "rdata", "cdn.example.org"),
                                        obj("rrname", "cdn.example.org", "rrtype", "A", "ttl", 60, "rdata", "198.51.100.9")),
                                "grouped", obj("A", List.of("198.51.100.9"), "AAAA", List.of("2001:db8::9"))))
                .event("2025-01-01T12:00:02.000000+0000", "dns", PHONE, 53212, "10.0.0.1", 53, "UDP",
                        "dns", obj("version", 3, "queries", List.of(obj("rrname", "v3.example.com", "rrtype", "AAAA"))))
                .raw("{\"timestamp\":\"2025-01-01T12:00:03+0000\",\"event_type\":")
                .event("2025-01-01T07:00:03.5-0500", "tls", PHONE, 50000, "198.51.100.9", 443, "TCP",
                        "tls", obj("subject", "CN=c2.example.net", "issuerdn", "CN=Evil CA", "sni", "c2.example.net", "version", "TLS 1.2",
                                "fingerprint", "aa:bb:cc", "ja3", obj("hash", "e7d705a3286e19ea42f587b344ee6865", "string", "771,49195"),
                                "ja3s", obj("hash", "f4febc55ea12b31ae17cfb7e614afda8", "string", "771,49199"),
                                "ja4", "t13d1516h2_8daaf6152771_02713d6af862"))
                .raw("not json at all")
                .event("2025-01-01T12:00:04.000000+0000", "http", PHONE, 50002, "2001:db8::10", 8080, "TCP",
                        "http", obj("hostname", "evil.example.com", "http_port", 8080, "url", "/payload.bin?x=1", "http_user_agent", "Mozilla/5.0",
                                "http_method", "GET", "protocol", "HTTP/1.1", "status", 200, "length", 1234))
                .raw("{\"timestamp\":\"2025-01-01T12:00:05+0000\",\"flow_id\":7}")
                .event("2025-01-01T12:00:06.000000+0000", "flow", PHONE, 50000, "198.51.100.9", 443, "TCP", "app_proto", "tls",
                        "flow", obj("pkts_toserver", 10, "pkts_toclient", 12, "bytes_toserver", 1500, "bytes_toclient", 9000,
                                "start", "2025-01-01T11:59:59.000000+0000", "end", "2025-01-01T12:00:05.000000+0000", "age", 6, "state", "closed"))
                .event("2025-01-01T12:00:07.000000+0000", "stats", PHONE, 0, PHONE, 0, "TCP")
                .write(root.resolve("eve.json"));
    }

    @Test
    void readsAlertsWithSignatureEndpointsAndTheNamesTheyCarry() throws Exception {
        ModuleHarness.Result result = run(sample(), "SuricataAlert");

        Record r = result.of("suricata_alert").get(0);
        assertThat(r.fields().string("timestamp")).isEqualTo("2025-01-01 12:00:00.123456");
        assertThat(r.fields().string("eve_timestamp")).isEqualTo("2025-01-01T13:00:00.123456+0100");
        assertThat(r.fields().object("alert").string("signature")).isEqualTo("ET MALWARE Pegasus CnC");
        assertThat(r.provenance().file()).isEqualTo("eve.json");
        assertThat(r.provenance().locator()).isEqualTo("line 1");
        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.field(), o -> o.trace())
                .containsExactly(
                        tuple(ObservableType.IPV4, PHONE, "src_ip", TraceClass.NETWORK),
                        tuple(ObservableType.IPV4, "198.51.100.9", "dest_ip", TraceClass.NETWORK),
                        tuple(ObservableType.DOMAIN, "c2.example.net", "tls.sni", TraceClass.NETWORK));
        assertThat(r.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2025-01-01T12:00:00.123456Z"));
            assertThat(t.event()).isEqualTo("ids_alert");
            assertThat(t.description()).isEqualTo("Alert [severity 1] ET MALWARE Pegasus CnC (A Network Trojan was detected)"
                    + " 10.0.0.5:50000 -> 198.51.100.9:443/TCP");
        });
    }

    @Test
    void readsDnsInBothEveLayouts() throws Exception {
        List<Record> dns = run(sample(), "SuricataDns").of("suricata_dns");

        assertThat(dns).extracting(r -> r.provenance().locator()).containsExactly("line 2", "line 3", "line 4");
        assertThat(dns.get(0).observables()).extracting(o -> o.observable().value(), o -> o.field())
                .containsExactly(tuple("c2.example.net", "dns.rrname"));
        assertThat(dns.get(1).observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.field())
                .containsExactly(
                        tuple(ObservableType.DOMAIN, "c2.example.net", "dns.rrname"),
                        tuple(ObservableType.DOMAIN, "c2.example.net", "dns.answers[0].rrname"),
                        tuple(ObservableType.DOMAIN, "cdn.example.org", "dns.answers[0].rdata"),
                        tuple(ObservableType.DOMAIN, "cdn.example.org", "dns.answers[1].rrname"),
                        tuple(ObservableType.IPV4, "198.51.100.9", "dns.answers[1].rdata"),
                        tuple(ObservableType.IPV4, "198.51.100.9", "dns.grouped.A[0]"),
                        tuple(ObservableType.IPV6, "2001:db8::9", "dns.grouped.AAAA[0]"));
        assertThat(dns.get(2).observables()).extracting(o -> o.observable().value(), o -> o.field())
                .containsExactly(tuple("v3.example.com", "dns.queries[0].rrname"));
        assertThat(dns).extracting(r -> r.timeline().get(0).description()).containsExactly(
                "DNS query for c2.example.net 10.0.0.5 -> 10.0.0.1",
                "DNS answer for c2.example.net 10.0.0.1 -> 10.0.0.5",
                "DNS query for v3.example.com 10.0.0.5 -> 10.0.0.1");
    }

    @Test
    void readsTlsWithItsFingerprintsAsObservablesAndHttpAsUrls() throws Exception {
        ModuleHarness.Result result = run(sample(), "SuricataTls", "SuricataHttp", "SuricataFlow");

        Record tls = result.of("suricata_tls").get(0);
        assertThat(tls.fields().string("timestamp")).isEqualTo("2025-01-01 12:00:03.500000");
        assertThat(tls.fields().object("tls").object("ja3").string("hash")).isEqualTo("e7d705a3286e19ea42f587b344ee6865");
        assertThat(tls.fields().object("tls").object("ja3s").string("hash")).isEqualTo("f4febc55ea12b31ae17cfb7e614afda8");
        assertThat(tls.fields().object("tls").string("ja4")).isEqualTo("t13d1516h2_8daaf6152771_02713d6af862");
        assertThat(tls.observables()).extracting(o -> o.observable().type(), o -> o.observable().value()).containsExactly(
                tuple(ObservableType.DOMAIN, "c2.example.net"), tuple(ObservableType.IPV4, "198.51.100.9"),
                tuple(ObservableType.JA3, "e7d705a3286e19ea42f587b344ee6865"), tuple(ObservableType.JA3, "f4febc55ea12b31ae17cfb7e614afda8"),
                tuple(ObservableType.JA4, "t13d1516h2_8daaf6152771_02713d6af862"));
        assertThat(tls.provenance().locator()).isEqualTo("line 6");

        Record http = result.of("suricata_http").get(0);
        assertThat(SuricataModule.url(http.fields().object("http"))).isEqualTo("http://evil.example.com:8080/payload.bin?x=1");
        assertThat(http.observables()).extracting(o -> o.observable().type(), o -> o.field()).containsExactly(
                tuple(ObservableType.URL, "http.hostname+url"), tuple(ObservableType.IPV6, "dest_ip"));
        assertThat(http.timeline().get(0).description())
                .isEqualTo("HTTP GET http://evil.example.com:8080/payload.bin?x=1 from 10.0.0.5 -> 200 [Mozilla/5.0]");

        Record flow = result.of("suricata_flow").get(0);
        assertThat(flow.fields().object("flow").get("bytes_toclient")).isEqualTo(9000L);
        assertThat(flow.observables()).extracting(o -> o.observable().value(), o -> o.field()).containsExactly(tuple("198.51.100.9", "dest_ip"));
        assertThat(flow.timeline().get(0).description()).isEqualTo("Flow 10.0.0.5:50000 -> 198.51.100.9:443/TCP (tls) sent 1500 B, received 9000 B");
    }

    @Test
    void brokenLinesAreReportedOnceNamingFileAndLineWhicheverModulesRun() throws Exception {
        ModuleHarness.Result result = run(sample(), "SuricataAlert", "SuricataDns", "SuricataTls", "SuricataHttp", "SuricataFlow");

        assertThat(result.records()).hasSize(7);
        assertThat(result.problems()).extracting(ModuleProblem::file, ModuleProblem::message).containsExactly(
                tuple("eve.json", "line 5 is not valid JSON (Unexpected end-of-input within/between Object entries); skipped"),
                tuple("eve.json", "line 7 is not valid JSON (Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')); skipped"),
                tuple("eve.json", "line 9 has no event_type; skipped"));
    }

    @Test
    void opensOneFileAndRefusesWhatIsNotAnEveLog() throws Exception {
        Path eve = sample();
        try (Extraction x = SuricataEve.open(eve)) {
            List<String> paths = new java.util.ArrayList<>();
            x.tree().walk(e -> paths.add(e.path()));
            assertThat(paths).containsExactly("eve.json");
            assertThat(x.tree().glob("*.json")).extracting(e -> e.path()).containsExactly("eve.json");
            assertThat(x.tree().entry("other.json")).isEmpty();
        }
        assertThatThrownBy(() -> SuricataEve.open(root)).isInstanceOf(CotejoException.class).hasMessageContaining("is not a file");
        Path text = Files.writeString(root.resolve("fast.log"), "01/01/2025-12:00:00.000000  [**] [1:2030000:2] ET MALWARE\n");
        assertThatThrownBy(() -> SuricataEve.open(text)).isInstanceOf(CotejoException.class).hasMessageContaining("not an EVE JSON log");
    }
}
