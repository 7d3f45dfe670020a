package org.cotejo.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.cli.testing.Cli.cotejo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cotejo.cli.testing.Cli.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cotejo check pcap | zeek | suricata` on captures and logs written byte for byte in their formats. */
class NetworkCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path feed;

    @BeforeEach
    void feed() throws Exception {
        feed = tmp.resolve("spy.txt");
        Files.writeString(feed, "exploit-delivery.net\n");
    }

    /** A classic little-endian pcap holding one Ethernet/IPv4/UDP DNS response for {@code name} → 203.0.113.9. */
    static byte[] dnsResponseCapture(String name) {
        ByteArrayOutputStream dns = new ByteArrayOutputStream();
        dns.writeBytes(new byte[] {0x12, 0x34, (byte) 0x81, (byte) 0x80, 0, 1, 0, 1, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            dns.write(label.length());
            dns.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        dns.writeBytes(new byte[] {0, 0, 1, 0, 1});
        dns.writeBytes(new byte[] {(byte) 0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, (byte) 203, 0, 113, 9});
        byte[] d = dns.toByteArray();
        int udpLength = 8 + d.length;
        int ipLength = 20 + udpLength;
        ByteBuffer frame = ByteBuffer.allocate(14 + ipLength).order(ByteOrder.BIG_ENDIAN);
        frame.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2}).putShort((short) 0x0800);
        frame.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {(byte) 198, 51, 100, 53}).put(new byte[] {10, 0, 0, 7});
        frame.putShort((short) 53).putShort((short) 50000).putShort((short) udpLength).putShort((short) 0).put(d);
        byte[] f = frame.array();
        ByteBuffer pcap = ByteBuffer.allocate(24 + 16 + f.length).order(ByteOrder.LITTLE_ENDIAN);
        pcap.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        pcap.putInt(1_710_000_000).putInt(250_000).putInt(f.length).putInt(f.length).put(f);
        return pcap.array();
    }

    @Test
    void aCaptureIsCheckedForKnownInfrastructureAndATruncatedOneIsReadUpToTheDamage() throws Exception {
        Path capture = tmp.resolve("evidence/session.pcap");
        Files.createDirectories(capture.getParent());
        Files.write(capture, dnsResponseCapture("track.exploit-delivery.net"));
        Path out = tmp.resolve("results");

        Run r = cotejo("check", "pcap", capture.toString(), "--iocs", feed.toString(), "--out", out.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(r.out()).contains("PcapDns");
        String findings = Files.readString(out.resolve("findings.json"));
        assertThat(findings).contains("track.exploit-delivery.net", "packet 1");

        byte[] whole = dnsResponseCapture("track.exploit-delivery.net");
        Path cut = tmp.resolve("evidence/cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 10));
        Run truncated = cotejo("check", "pcap", cut.toString(), "--iocs", feed.toString());
        assertThat(truncated.code()).as(truncated.err()).isZero();
        assertThat(truncated.err()).contains("packet 1", "truncated");
    }

    @Test
    void zeekLogsAreChecked() throws Exception {
        Path dir = dnsLog("evidence/zeek",
                "1710000000.250000\tCx1\t10.0.0.7\t50000\t198.51.100.53\t53\tudp\tcdn.exploit-delivery.net\t203.0.113.9",
                "1710000001.000000\tCx2\t10.0.0.7\t50001\t198.51.100.53\t53\tudp\twww.wikipedia.org\t-");
        Run r = cotejo("check", "zeek", dir.toString(), "--iocs", feed.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(r.out()).containsPattern("ZeekDns\\s+2\\b");
    }

    /** Three queries, one of a listed name: what the record files and timelines hold under each --records choice. */
    private Path threeQueryLog() throws Exception {
        return dnsLog("evidence/zeek3",
                "1710000000.250000\tCx1\t10.0.0.7\t50000\t198.51.100.53\t53\tudp\twww.wikipedia.org\t198.51.100.80",
                "1710000001.000000\tCx2\t10.0.0.7\t50001\t198.51.100.53\t53\tudp\tcdn.exploit-delivery.net\t203.0.113.9",
                "1710000002.000000\tCx3\t10.0.0.8\t50002\t198.51.100.53\t53\tudp\tnews.example.org\t198.51.100.81");
    }

    /** A folder under the test's own with a Zeek dns.log of these rows, under Zeek's headers (ts, uid, endpoints, proto, query, answers). */
    private Path dnsLog(String folder, String... rows) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        List<String> lines = new java.util.ArrayList<>(List.of("#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)", "#unset_field\t-", "#path\tdns",
                "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tquery\tanswers",
                "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tvector[string]"));
        lines.addAll(List.of(rows));
        Files.writeString(dir.resolve("dns.log"), String.join("\n", lines) + "\n");
        return dir;
    }

    @Test
    void aLogsRecordFilesAndTimelineHoldOnlyMatchedRecordsUnlessAllAreAskedFor() throws Exception {
        Path dir = threeQueryLog();
        Path matched = tmp.resolve("matched");
        Run r = cotejo("check", "zeek", dir.toString(), "--iocs", feed.toString(), "--out", matched.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(r.out()).containsPattern("ZeekDns\\s+3\\b").contains("the 1 records that matched an indicator, of 3 read", "--records all");
        JsonNode records = JSON.readTree(matched.resolve("zeek_dns.json").toFile());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("query").asText()).isEqualTo("cdn.exploit-delivery.net");
        assertThat(Files.readAllLines(matched.resolve("timeline.jsonl"))).hasSize(1).allMatch(l -> l.contains("cdn.exploit-delivery.net"));
        JsonNode dns = module(matched, "zeek_dns");
        assertThat(dns.path("records").asLong()).isEqualTo(3);
        assertThat(dns.path("records_written").asLong()).isEqualTo(1);
        // what the traffic shows about infrastructure does not depend on the choice
        assertThat(Files.readString(matched.resolve("traffic-enrichment/passive-dns.csv"))).contains("wikipedia.org,198.51.100.80", "news.example.org,198.51.100.81");

        Path all = tmp.resolve("all");
        Run a = cotejo("check", "zeek", dir.toString(), "--iocs", feed.toString(), "--records", "all", "--out", all.toString());
        assertThat(a.code()).as(a.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(a.out()).doesNotContain("matched an indicator, of");
        assertThat(JSON.readTree(all.resolve("zeek_dns.json").toFile())).hasSize(3);
        assertThat(Files.readAllLines(all.resolve("timeline.jsonl"))).hasSize(3);
        assertThat(module(all, "zeek_dns").path("records_written").asLong()).isEqualTo(3);
        assertThat(JSON.readTree(all.resolve("findings.json").toFile()).path("detections"))
                .isEqualTo(JSON.readTree(matched.resolve("findings.json").toFile()).path("detections"));

        Run bad = cotejo("check", "zeek", dir.toString(), "--records", "some");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--records takes all or matched, not 'some'").doesNotContain("Exception");
    }

    @Test
    void aCaptureWritesEveryRecordUnlessOnlyMatchedOnesAreAskedFor() throws Exception {
        Path capture = tmp.resolve("evidence/session.pcap");
        Files.createDirectories(capture.getParent());
        Files.write(capture, dnsResponseCapture("www.wikipedia.org"));
        Path all = tmp.resolve("pcap-all");
        assertThat(cotejo("check", "pcap", capture.toString(), "--iocs", feed.toString(), "--out", all.toString()).code()).isZero();
        assertThat(JSON.readTree(all.resolve("pcap_dns.json").toFile())).hasSize(1);
        Path matched = tmp.resolve("pcap-matched");
        assertThat(cotejo("check", "pcap", capture.toString(), "--iocs", feed.toString(), "--records", "matched", "--out", matched.toString())
                .code()).isZero();
        assertThat(matched.resolve("pcap_dns.json")).doesNotExist();
        assertThat(module(matched, "pcap_dns").path("records_written").asLong()).isZero();
    }

    private static JsonNode module(Path results, String slug) throws Exception {
        for (JsonNode m : JSON.readTree(results.resolve("findings.json").toFile()).path("modules")) {
            if (m.path("slug").asText().equals(slug)) return m;
        }
        throw new AssertionError("no module " + slug + " in findings.json");
    }

    @Test
    void aSuricataEveLogIsCheckedAndABrokenLineIsAProblemNotAFailure() throws Exception {
        Path eve = tmp.resolve("evidence/eve.json");
        Files.createDirectories(eve.getParent());
        Files.writeString(eve, String.join("\n",
                "{\"timestamp\":\"2024-03-21T11:07:22.123456+0100\",\"event_type\":\"tls\",\"src_ip\":\"10.0.0.7\",\"src_port\":50002,"
                        + "\"dest_ip\":\"198.51.100.80\",\"dest_port\":443,\"proto\":\"TCP\",\"tls\":{\"sni\":\"api.exploit-delivery.net\",\"version\":\"TLS 1.3\"}}",
                "{\"timestamp\":\"2024-03-21T11:07:23", ""));
        Path out = tmp.resolve("results");
        Run r = cotejo("check", "suricata", eve.toString(), "--iocs", feed.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(r.err()).contains("line 2");
        assertThat(JSON.readTree(out.resolve("findings.json").toFile()).path("detections").toString()).contains("api.exploit-delivery.net");
    }

    @Test
    void aCaptureIsCaseEvidenceRecognisedByItsNameAndScanned() throws Exception {
        Path capture = tmp.resolve("evidence/session.pcap");
        Files.createDirectories(capture.getParent());
        Files.write(capture, dnsResponseCapture("track.exploit-delivery.net"));
        String dir = tmp.resolve("cases/es").toString();
        assertThat(cotejo("case", "create", dir, "--agency", "CCN-CERT", "--reference", "DP 67/2024").code()).isZero();
        assertThat(cotejo("case", "add-device", "-C", dir, "--label", "ES-01", "--platform", "ios").code()).isZero();
        Run add = cotejo("case", "add-evidence", "-C", dir, "--device", "ES-01", capture.toString(),
                "--acquired-by", "Analyst", "--acquired-at", "2024-03-21T11:00:00+01:00", "--method", "Wi-Fi access point capture");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("pcap");
        assertThat(cotejo("case", "add-iocs", "-C", dir, feed.toString()).code()).isZero();
        Run scan = cotejo("case", "scan", "-C", dir);
        assertThat(scan.code()).as(scan.err()).isIn(0, 3);
        Run detections = cotejo("case", "detections", "-C", dir, "--json");
        assertThat(detections.out()).contains("track.exploit-delivery.net");
    }

    @Test
    void deviceAddressesLabelCaptureAndLogRecordsInFindingsAndTimeline() throws Exception {
        Path capture = tmp.resolve("evidence/session.pcap");
        Files.createDirectories(capture.getParent());
        Files.write(capture, dnsResponseCapture("track.exploit-delivery.net"));
        Path out = tmp.resolve("results");

        Run r = cotejo("check", "pcap", capture.toString(), "--iocs", feed.toString(), "--device-ip", "10.0.0.7=phone-A", "--out", out.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(JSON.readTree(out.resolve("findings.json").toFile()).path("detections").toString()).contains("\"device\":\"phone-A\"");
        assertThat(Files.readString(out.resolve("timeline.jsonl"))).contains("by phone-A (10.0.0.7)");

        Path dir = dnsLog("evidence/zeek",
                "1710000000.250000\tCx1\t10.0.0.7\t50000\t198.51.100.53\t53\tudp\tcdn.exploit-delivery.net\t203.0.113.9");
        Path zeekOut = tmp.resolve("zeek-results");
        Run z = cotejo("check", "zeek", dir.toString(), "--iocs", feed.toString(), "--device-ip", "10.0.0.7=phone-A", "--out", zeekOut.toString());
        assertThat(z.code()).as(z.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(JSON.readTree(zeekOut.resolve("findings.json").toFile()).path("detections").toString()).contains("\"device\":\"phone-A\"");

        Run bad = cotejo("check", "pcap", capture.toString(), "--device-ip", "phone-A");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--device-ip: 'phone-A' is not an IPv4 or IPv6 address");
    }
}
