package org.cotejo.forensics.network.netlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetlogTest {
    @TempDir Path root;

    private ModuleHarness.Result run(Path path, NetlogFormat format) throws Exception {
        try (Extraction x = NetlogFiles.open(path, format)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.NETLOG);
            return ModuleHarness.run(x, "Netlog");
        }
    }

    @Test
    void readsADnsCsvQueryLogWithItsAnswersAndProvenance() throws Exception {
        Path log = Files.writeString(root.resolve("queries.csv"), """
                time,client,query,type,answer
                1735732800,10.0.0.5,c2.example.net,A,198.51.100.7;198.51.100.8
                2025-01-01T12:00:01Z,10.0.0.5,"cdn.example.org",AAAA,2001:db8::1
                """);

        ModuleHarness.Result result = run(log, null);

        assertThat(result.problems()).isEmpty();
        List<Record> records = result.of("netlog");
        assertThat(records).hasSize(2);
        Record r = records.get(0);
        assertThat(r.fields().string("timestamp")).isEqualTo("2025-01-01 12:00:00.000000");
        assertThat(r.fields().string("client_ip")).isEqualTo("10.0.0.5");
        assertThat(r.fields().string("format")).isEqualTo("dns-csv");
        assertThat(r.provenance().file()).isEqualTo("queries.csv");
        assertThat(r.provenance().locator()).isEqualTo("line 2");
        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.field()).containsExactly(
                tuple(ObservableType.DOMAIN, "c2.example.net", "domain"),
                tuple(ObservableType.IPV4, "198.51.100.7", "answers[0]"),
                tuple(ObservableType.IPV4, "198.51.100.8", "answers[1]"));
        assertThat(r.timeline()).singleElement().satisfies(t -> assertThat(t.description())
                .isEqualTo("DNS query for c2.example.net (A) from 10.0.0.5 [answers: 198.51.100.7, 198.51.100.8]"));
        assertThat(records.get(1).fields().string("timestamp")).isEqualTo("2025-01-01 12:00:01.000000");
    }

    @Test
    void readsAProxyCsvAndASquidAccessLog() throws Exception {
        Path proxy = Files.writeString(root.resolve("proxy.csv"), """
                time,client,method,url,status,dest_ip,user_agent
                1735732800123,10.0.0.5,GET,http://evil.example/x.js,200,203.0.113.9,Mozilla/5.0
                """);
        Path squid = Files.writeString(root.resolve("access.log"), """
                1735732800.123    150 10.0.0.5 TCP_MISS/200 1234 GET http://news.example/a - HIER_DIRECT/203.0.113.10 text/html
                1735732801.000     20 10.0.0.5 TCP_TUNNEL/200 5000 CONNECT c2.example.net:443 - HIER_DIRECT/198.51.100.7 -
                """);

        Record p = run(proxy, null).of("netlog").get(0);
        assertThat(p.fields().string("timestamp")).isEqualTo("2025-01-01 12:00:00.123000");
        assertThat(p.observables()).extracting(o -> o.observable().type(), o -> o.observable().value())
                .containsExactly(tuple(ObservableType.URL, "http://evil.example/x.js"), tuple(ObservableType.IPV4, "203.0.113.9"));

        List<Record> s = run(squid, null).of("netlog");
        assertThat(s).extracting(r -> r.fields().string("format"), r -> r.fields().string("url"), r -> r.fields().string("domain"),
                r -> r.fields().string("dest_ip")).containsExactly(
                tuple("squid", "http://news.example/a", null, "203.0.113.10"),
                tuple("squid", null, "c2.example.net", "198.51.100.7"));
    }

    @Test
    void readsJsonLinesThroughAColumnMapWithNestedFieldsAndIsoTimes() throws Exception {
        Path log = Files.writeString(root.resolve("resolver.jsonl"), """
                {"ts": "2025-01-01 12:00:00.5", "src": {"ip": "10.0.0.5"}, "qname": "c2.example.net", "rdata": ["198.51.100.7"]}
                {"ts": 1735732801, "src": {"ip": "10.0.0.6"}, "qname": "ok.example"}
                """);
        NetlogFormat format = NetlogFormat.of("json", Map.of("time", "ts", "client", "src.ip", "domain", "qname", "answer", "rdata"));

        List<Record> records = run(log, format).of("netlog");

        assertThat(records).extracting(r -> r.fields().string("timestamp"), r -> r.fields().string("client_ip"), r -> r.fields().string("domain"))
                .containsExactly(tuple("2025-01-01 12:00:00.500000", "10.0.0.5", "c2.example.net"),
                        tuple("2025-01-01 12:00:01.000000", "10.0.0.6", "ok.example"));
        assertThat(records.get(0).fields().strings("answers")).containsExactly("198.51.100.7");
    }

    @Test
    void badTimesAndBrokenLinesAreSkippedWithTheirLineAndTheRestIsRead() throws Exception {
        StringBuilder text = new StringBuilder("time,client,query,type,answer\n");
        text.append("1735732800,10.0.0.5,first.example,A,192.0.2.1\n");
        text.append("yesterday,10.0.0.5,bad.example,A,192.0.2.1\n");
        text.append("1735732800,10.0.0.5,\"open,A,192.0.2.1\n");
        for (int i = 0; i < 120; i++) text.append("31/12/2024,10.0.0.5,x").append(i).append(".example,A,\n");
        text.append("1735732802,10.0.0.5,last.example,A,192.0.2.2\n");
        Path log = Files.writeString(root.resolve("dns.csv"), text);

        ModuleHarness.Result result = run(log, NetlogFormat.of("dns-csv", Map.of()));

        assertThat(result.of("netlog")).extracting(r -> r.fields().string("domain")).containsExactly("first.example", "last.example");
        List<String> problems = result.problems().stream().map(ModuleProblem::message).toList();
        assertThat(problems.get(0)).isEqualTo("line 3 has time \"yesterday\", not epoch seconds or milliseconds or ISO-8601; skipped");
        assertThat(problems.get(1)).isEqualTo("line 4 has an unclosed quote; skipped");
        assertThat(problems).hasSize(101).last().asString().isEqualTo("22 more broken line(s) not listed one by one; skipped");
    }

    @Test
    void malformedJsonLinesAreSkippedAndAMissingHeaderColumnIsSaidOnce() throws Exception {
        Path json = Files.writeString(root.resolve("a.jsonl"), "{\"time\": 1735732800, \"domain\": \"a.example\"}\n{\"time\": \n[1,2]\n");
        ModuleHarness.Result j = run(json, NetlogFormat.of("json", Map.of()));
        assertThat(j.of("netlog")).hasSize(1);
        assertThat(j.problems()).extracting(ModuleProblem::message).containsExactly(
                "line 2 is not valid JSON (Unexpected end-of-input within/between Object entries); skipped",
                "line 3 is not a JSON object; skipped");

        Path csv = Files.writeString(root.resolve("b.csv"), "time,query\n1735732800,a.example\n1735732801,b.example\n");
        ModuleHarness.Result c = run(csv, NetlogFormat.of("dns-csv", Map.of()));
        assertThat(c.of("netlog")).hasSize(2);
        assertThat(c.problems()).extracting(ModuleProblem::message)
                .containsExactly("header (line 1) has no answer, client, type column of the dns-csv format; those values are left out");
    }

    @Test
    void takesTheFormatFromTheAnalystsSidecarAndRefusesAnUnrecognisableLog() throws Exception {
        Path dir = Files.createDirectories(root.resolve("resolver"));
        Files.writeString(dir.resolve("q.log"), "{\"when\": 1735732800, \"name\": \"a.example\"}\n");
        Files.writeString(dir.resolve(NetlogFiles.SIDECAR), "{\"format\": \"json\", \"map\": {\"time\": \"when\", \"domain\": \"name\"}}");

        assertThat(run(dir, null).of("netlog")).extracting(r -> r.fields().string("domain")).containsExactly("a.example");

        Path other = Files.writeString(root.resolve("other.log"), "{\"x\": 1}\n");
        assertThatThrownBy(() -> NetlogFiles.open(other, null)).isInstanceOf(CotejoException.class).hasMessageContaining("give --format");
        assertThatThrownBy(() -> NetlogFormat.of("json", Map.of("colour", "c"))).isInstanceOf(CotejoException.class)
                .hasMessageContaining("unknown role 'colour'");
    }
}
