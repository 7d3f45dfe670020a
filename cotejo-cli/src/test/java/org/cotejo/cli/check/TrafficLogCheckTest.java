package org.cotejo.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.cli.testing.Cli.cotejo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.cli.testing.Cli.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cotejo check netlog` and `cotejo check pirogue`, and both kinds as case evidence. */
class TrafficLogCheckTest {
    @TempDir Path tmp;
    Path feed;

    @BeforeEach
    void feed() throws Exception {
        feed = Files.writeString(tmp.resolve("spy.txt"), "exploit-delivery.net\n");
    }

    @Test
    void aResolverQueryLogIsCheckedAndALineWithABadTimeIsSkippedAndCounted() throws Exception {
        Path log = Files.writeString(tmp.resolve("queries.csv"), """
                time,client,query,type,answer
                2024-03-21T10:07:22Z,10.0.0.7,cdn.exploit-delivery.net,A,203.0.113.9
                21/03/2024,10.0.0.7,www.wikipedia.org,A,198.51.100.1
                1710000001000,10.0.0.7,www.wikipedia.org,A,198.51.100.1
                """);
        Path out = tmp.resolve("results");

        Run r = cotejo("check", "netlog", log.toString(), "--format", "dns-csv", "--iocs", feed.toString(), "--out", out.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(r.out()).containsPattern("Netlog\\s+2\\b").contains("Traffic enrichment: 2 DNS resolutions");
        assertThat(r.err()).contains("line 3 has time \"21/03/2024\"");
        assertThat(Files.readString(out.resolve("findings.json"))).contains("cdn.exploit-delivery.net", "queries.csv", "line 2");
        assertThat(Files.readString(out.resolve("traffic-enrichment/passive-dns.csv"))).contains("cdn.exploit-delivery.net,203.0.113.9");
    }

    @Test
    void aJsonProxyLogIsReadThroughTheColumnMapAndAMapWithoutFormatIsRefused() throws Exception {
        Path log = Files.writeString(tmp.resolve("proxy.jsonl"),
                "{\"ts\": 1710000000, \"src\": \"10.0.0.7\", \"request\": \"https://cdn.exploit-delivery.net/x.js\", \"ua\": \"Mozilla/5.0\"}\n");

        Run r = cotejo("check", "netlog", log.toString(), "--format", "json", "--map", "time=ts", "--map", "client=src", "--map", "url=request",
                "--map", "user_agent=ua", "--iocs", feed.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);

        Run bad = cotejo("check", "netlog", log.toString(), "--map", "time=ts");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--map needs --format");
        Run unknown = cotejo("check", "netlog", log.toString(), "--format", "xml");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown netlog format 'xml'");
    }

    private Path pirogueSession() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("evidence/session-1"));
        Files.write(dir.resolve("traffic.pcap"), NetworkCheckTest.dnsResponseCapture("track.exploit-delivery.net"));
        Files.writeString(dir.resolve("sslkeylog.txt"), "CLIENT_RANDOM " + "0a".repeat(32) + " " + "bb".repeat(48) + "\n");
        Files.writeString(dir.resolve("experiment.json"), "{\"network\": {\"start_capture_time\": 1710000000000, \"file\": \"traffic.pcap\"}}");
        Files.writeString(dir.resolve("device.json"), "{\"ro.serialno\": \"R58M123ABC\"}");
        return dir;
    }

    @Test
    void aPirogueSessionIsCheckedAsOneEvidenceItem() throws Exception {
        Path out = tmp.resolve("results");

        Run r = cotejo("check", "pirogue", pirogueSession().toString(), "--iocs", feed.toString(), "--out", out.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(r.out()).containsPattern("PirogueSession\\s+2\\b").containsPattern("PcapDns\\s+1\\b");
        String findings = Files.readString(out.resolve("findings.json"));
        assertThat(findings).contains("traffic.pcap::traffic.pcap", "R58M123ABC");
        assertThat(Files.readString(out.resolve("pirogue_session.json"))).contains("\"tls_sessions\"").doesNotContain("bbbb");
    }

    @Test
    void netlogsAndPirogueSessionsAreCaseEvidence() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("evidence/resolver"));
        Files.writeString(logs.resolve("q.jsonl"), "{\"when\": 1710000000, \"name\": \"cdn.exploit-delivery.net\"}\n");
        Files.writeString(logs.resolve("cotejo-netlog.json"), "{\"format\": \"json\", \"map\": {\"time\": \"when\", \"domain\": \"name\"}}");
        String dir = tmp.resolve("cases/es").toString();
        assertThat(cotejo("case", "create", dir, "--agency", "CCN-CERT", "--reference", "DP 67/2024").code()).isZero();
        assertThat(cotejo("case", "add-device", "-C", dir, "--label", "ES-01", "--platform", "android").code()).isZero();
        Run addLog = cotejo("case", "add-evidence", "-C", dir, "--device", "ES-01", logs.toString());
        assertThat(addLog.code()).as(addLog.err()).isZero();
        assertThat(addLog.out()).contains("Added netlog evidence");
        Run addSession = cotejo("case", "add-evidence", "-C", dir, "--device", "ES-01", pirogueSession().toString());
        assertThat(addSession.code()).as(addSession.err()).isZero();
        assertThat(addSession.out()).contains("Added pirogue evidence");
        assertThat(cotejo("case", "add-iocs", "-C", dir, feed.toString()).code()).isZero();
        Run scan = cotejo("case", "scan", "-C", dir);
        assertThat(scan.code()).as(scan.err()).isIn(0, 3);
        Run detections = cotejo("case", "detections", "-C", dir, "--json");
        assertThat(detections.out()).contains("cdn.exploit-delivery.net", "track.exploit-delivery.net");
    }
}
