package org.cotejo.forensics.network.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

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

class ZeekLogsTest {
    @TempDir Path root;

    private ModuleHarness.Result run(String... modules) throws Exception {
        try (Extraction x = ZeekLogs.open(root)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.ZEEK);
            return ModuleHarness.run(x, modules);
        }
    }

    @Test
    void readsTsvDnsLogWithTypesSetsUnsetEmptyAndEscapes() throws Exception {
        ZeekWriter.tsv("dns").columns(ZeekWriter.DNS_COLUMNS)
                .row(ZeekWriter.dnsRow("1735732800.123456", "CAbc1", "c2.example.net", "c2-cdn.example.org,198.51.100.7,2001:db8::7", "60.000000,60.000000,60.000000").toArray(String[]::new))
                .row(ZeekWriter.dnsRow("1735732801.000000", "CAbc2", "tab\\x09name\\xc3\\xa9.example", "(empty)", "(empty)").toArray(String[]::new))
                .row(ZeekWriter.dnsRow("1735732802.5", "CAbc3", "-", "-", "-").toArray(String[]::new))
                .close().write(root.resolve("dns.log"));

        ModuleHarness.Result result = run("ZeekDns");

        assertThat(result.problems()).isEmpty();
        List<Record> records = result.of("zeek_dns");
        assertThat(records).hasSize(3);
        Record r = records.get(0);
        assertThat(r.fields().keys()).containsExactly("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto",
                "query", "qtype_name", "rcode_name", "AA", "answers", "TTLs", "timestamp");
        assertThat(r.fields().get("id.orig_p")).isEqualTo(53211L);
        assertThat(r.fields().get("AA")).isEqualTo(false);
        assertThat(r.fields().strings("answers")).containsExactly("c2-cdn.example.org", "198.51.100.7", "2001:db8::7");
        assertThat(r.fields().get("TTLs")).isEqualTo(List.of(60.0, 60.0, 60.0));
        assertThat(r.fields().string("timestamp")).isEqualTo("2025-01-01 12:00:00.123456");
        assertThat(r.provenance().file()).isEqualTo("dns.log");
        assertThat(r.provenance().locator()).isEqualTo("line 9");
        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.field(), o -> o.trace())
                .containsExactly(
                        tuple(ObservableType.DOMAIN, "c2.example.net", "query", TraceClass.NETWORK),
                        tuple(ObservableType.DOMAIN, "c2-cdn.example.org", "answers[0]", TraceClass.NETWORK),
                        tuple(ObservableType.IPV4, "198.51.100.7", "answers[1]", TraceClass.NETWORK),
                        tuple(ObservableType.IPV6, "2001:db8::7", "answers[2]", TraceClass.NETWORK));
        assertThat(r.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2025-01-01T12:00:00.123456Z"));
            assertThat(t.event()).isEqualTo("dns_query");
            assertThat(t.description()).isEqualTo("DNS query for c2.example.net (A) from 10.0.0.5 to 10.0.0.1"
                    + " [answers: c2-cdn.example.org, 198.51.100.7, 2001:db8::7]");
        });
        assertThat(records.get(1).fields().string("query")).isEqualTo("tab\tnameé.example");
        assertThat(records.get(1).fields().get("answers")).isEqualTo(List.of());
        assertThat(records.get(2).fields().has("query")).isFalse();
        assertThat(records.get(2).fields().has("answers")).isFalse();
        assertThat(records.get(2).timeline()).isEmpty();
        assertThat(records.get(2).fields().string("timestamp")).isEqualTo("2025-01-01 12:00:02.500000");
    }

    @Test
    void aNewFieldsLineMidFileSwitchesTheColumns() throws Exception {
        ZeekWriter.tsv("dns").columns("ts:time", "query:string")
                .row("1735732800.0", "first.example")
                .columns("ts:time", "uid:string", "query:string", "answers:set[addr]")
                .row("1735732801.0", "C2", "second.example", "192.0.2.1,192.0.2.2")
                .write(root.resolve("dns.log"));

        List<Record> records = run("ZeekDns").of("zeek_dns");

        assertThat(records).extracting(r -> r.fields().keys().toString()).containsExactly(
                "[ts, query, timestamp]", "[ts, uid, query, answers, timestamp]");
        assertThat(records.get(1).fields().strings("answers")).containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(records.get(1).provenance().locator()).isEqualTo("line 12");
    }

    @Test
    void readsJsonLinesLogsOfConnSslAndHttp() throws Exception {
        ZeekWriter.json()
                .object("ts", 1735732800.25, "uid", "C1", "id.orig_h", "10.0.0.5", "id.orig_p", 50000, "id.resp_h", "198.51.100.9",
                        "id.resp_p", 443, "proto", "tcp", "service", "ssl", "duration", 1.5, "orig_bytes", 517, "resp_bytes", 4096,
                        "conn_state", "SF")
                .object("ts", 1735732801, "uid", "C2", "id.orig_h", "10.0.0.5", "id.orig_p", 50001, "id.resp_h", "2001:db8::9",
                        "id.resp_p", 80, "proto", "tcp")
                .write(root.resolve("conn.log"));
        ZeekWriter.json()
                .object("ts", 1735732800.3, "uid", "C1", "id.orig_h", "10.0.0.5", "id.orig_p", 50000, "id.resp_h", "198.51.100.9",
                        "id.resp_p", 443, "version", "TLSv13", "server_name", "c2.example.net", "established", true,
                        "ja3", "e7d705a3286e19ea42f587b344ee6865", "ja3s", "f4febc55ea12b31ae17cfb7e614afda8")
                .write(root.resolve("ssl.log"));
        ZeekWriter.json()
                .object("ts", "2025-01-01T12:00:05.000000Z", "uid", "C3", "id.orig_h", "10.0.0.5", "id.orig_p", 50002,
                        "id.resp_h", "198.51.100.10", "id.resp_p", 80, "method", "GET", "host", "evil.example.com",
                        "uri", "/payload.bin?x=1", "user_agent", "Mozilla/5.0", "status_code", 200)
                .object("ts", 1735732806, "method", "GET", "host", "proxy.example", "uri", "http://other.example/a")
                .write(root.resolve("logs/http.log"));

        ModuleHarness.Result result = run("ZeekConn", "ZeekSsl", "ZeekHttp");

        assertThat(result.problems()).isEmpty();
        List<Record> conn = result.of("zeek_conn");
        assertThat(conn).hasSize(2);
        assertThat(conn.get(0).fields().get("resp_bytes")).isEqualTo(4096L);
        assertThat(conn.get(0).fields().string("timestamp")).isEqualTo("2025-01-01 12:00:00.250000");
        assertThat(conn.get(0).observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.field())
                .containsExactly(tuple(ObservableType.IPV4, "198.51.100.9", "id.resp_h"));
        assertThat(conn.get(1).observables()).extracting(o -> o.observable().type()).containsExactly(ObservableType.IPV6);
        assertThat(conn.get(0).timeline().get(0).description())
                .isEqualTo("Connection 10.0.0.5:50000 -> 198.51.100.9:443/tcp (ssl) sent 517 B, received 4096 B");
        assertThat(conn.get(1).timeline().get(0).description())
                .isEqualTo("Connection 10.0.0.5:50001 -> [2001:db8::9]:80/tcp sent ? B, received ? B");

        Record ssl = result.of("zeek_ssl").get(0);
        assertThat(ssl.fields().string("ja3")).isEqualTo("e7d705a3286e19ea42f587b344ee6865");
        assertThat(ssl.fields().string("ja3s")).isEqualTo("f4febc55ea12b31ae17cfb7e614afda8");
        assertThat(ssl.observables()).extracting(o -> o.observable().type(), o -> o.observable().value()).containsExactly(
                tuple(ObservableType.DOMAIN, "c2.example.net"), tuple(ObservableType.IPV4, "198.51.100.9"),
                tuple(ObservableType.JA3, "e7d705a3286e19ea42f587b344ee6865"), tuple(ObservableType.JA3, "f4febc55ea12b31ae17cfb7e614afda8"));
        assertThat(ssl.timeline().get(0).time()).isEqualTo(Instant.parse("2025-01-01T12:00:00.300Z"));

        List<Record> http = result.of("zeek_http");
        assertThat(http.get(0).provenance().file()).isEqualTo("logs/http.log");
        assertThat(http.get(0).observables()).extracting(o -> o.observable().type(), o -> o.field()).containsExactly(
                tuple(ObservableType.URL, "host+uri"), tuple(ObservableType.IPV4, "id.resp_h"));
        assertThat(ZeekHttp.url(http.get(0).fields())).isEqualTo("http://evil.example.com/payload.bin?x=1");
        assertThat(ZeekHttp.url(http.get(1).fields())).isEqualTo("http://other.example/a");
        assertThat(http.get(0).timeline().get(0).time()).isEqualTo(Instant.parse("2025-01-01T12:00:05Z"));
        assertThat(http.get(0).timeline().get(0).description())
                .isEqualTo("HTTP GET http://evil.example.com/payload.bin?x=1 from 10.0.0.5 -> 200 [Mozilla/5.0]");
    }

    @Test
    void brokenLinesAreProblemsNamingFileAndLineAndTheRestIsRead() throws Exception {
        ZeekWriter.tsv("dns").columns("ts:time", "query:string", "AA:bool")
                .row("1735732800.0", "ok1.example", "T")
                .row("1735732800.0", "too-few")
                .row("yesterday", "bad-time.example", "F")
                .row("1735732800.0", "bad-bool.example", "maybe")
                .raw("{\"ts\": 1735732800, \"query\": ")
                .raw("{\"ts\": 1} [1, 2]")
                .row("1735732801.0", "ok2.example", "F")
                .write(root.resolve("dns.log"));
        Files.write(root.resolve("dns.1.log"), new byte[] {'{', (byte) 0xC3, '}', '\n'});
        Files.writeString(root.resolve("dns.log.gz"), "not read");
        Files.writeString(root.resolve("dns.2.log"), "data\twithout\tfields\n");

        ModuleHarness.Result result = run("ZeekDns");

        assertThat(result.of("zeek_dns")).extracting(r -> r.fields().string("query")).containsExactly("ok1.example", "ok2.example");
        assertThat(result.problems()).extracting(ModuleProblem::file, ModuleProblem::message).containsExactly(
                tuple("dns.1.log", "line 1 is not UTF-8 text; skipped"),
                tuple("dns.2.log", "line 1 is a data line before any #fields header; skipped"),
                tuple("dns.log", "line 10 has 2 column(s) where #fields names 3; skipped"),
                tuple("dns.log", "line 11 has ts \"yesterday\", not a time; skipped"),
                tuple("dns.log", "line 12 has AA \"maybe\", not a bool; skipped"),
                tuple("dns.log", "line 13 is not valid JSON (Unexpected end-of-input within/between Object entries); skipped"),
                tuple("dns.log", "line 14 has text after its JSON object; skipped"),
                tuple("dns.log.gz", "not read to its end (a cut or damaged gzip file?): Not in GZIP format; the rows before the damage were read"));
    }

    @Test
    void readsCertificatesFromX509LogWithTheirFingerprintAndNames() throws Exception {
        String sha256 = "5f6e7d8c9b0a11223344556677889900aabbccddeeff00112233445566778899";
        ZeekWriter.tsv("x509").columns("ts:time", "fingerprint:string", "certificate.version:count", "certificate.serial:string",
                        "certificate.subject:string", "certificate.issuer:string", "certificate.not_valid_before:time",
                        "certificate.not_valid_after:time", "san.dns:vector[string]", "basic_constraints.ca:bool")
                .row("1735732800.3", sha256, "3", "0A1B", "CN=c2.example.net", "CN=Evil CA\\x2c Inc.", "1704067200.0", "1767225600.0",
                        "c2.example.net,*.c2.example.net", "-")
                .close().write(root.resolve("x509.log"));

        Record r = run("ZeekX509").of("zeek_x509").get(0);

        assertThat(r.fields().string("certificate.issuer")).isEqualTo("CN=Evil CA, Inc.");
        assertThat(r.fields().has("basic_constraints.ca")).isFalse();
        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.field()).containsExactly(
                tuple(ObservableType.X509_HASH, "fingerprint"), tuple(ObservableType.DOMAIN, "san.dns[0]"));
        assertThat(r.timeline().get(0).description()).startsWith("Certificate CN=c2.example.net issued by CN=Evil CA");
    }

    @Test
    void refusesAPathThatIsNotAFolder() throws Exception {
        Path file = Files.writeString(root.resolve("dns.log"), "");
        assertThatThrownBy(() -> ZeekLogs.open(file)).isInstanceOf(CotejoException.class).hasMessageContaining("is not a folder");
        assertThatThrownBy(() -> ZeekLogs.open(root.resolve("nope"))).isInstanceOf(CotejoException.class);
    }

    @Test
    void readerUndoesZeekEscapes() {
        assertThat(ZeekReader.unescape("a\\x09b\\\\c\\xe2\\x82\\xac")).isEqualTo("a\tb\\c€");
        assertThat(ZeekReader.unescape("plain")).isEqualTo("plain");
        assertThat(ZeekReader.split("a\t\tb", "\t")).containsExactly("a", "", "b");
        assertThat(ZeekReader.isLog("dns", "dns.00:00:00-01:00:00.log")).isTrue();
        assertThat(ZeekReader.isLog("dns", "dns.log.gz")).isTrue();
        assertThat(ZeekReader.isLog("dns", "dns.00:00:00-01:00:00.log.gz")).isTrue();
        assertThat(ZeekReader.isLog("conn", "conn-summary.log")).isFalse();
    }
}
