package org.cotejo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line in-process, as a user would type it, and checks what it prints and returns. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run cotejo(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path stixFeed() throws Exception {
        String bundle = """
                {"type": "bundle", "id": "bundle--11111111-1111-4111-8111-111111111111", "objects": [
                 {"type": "malware", "spec_version": "2.1", "id": "malware--22222222-2222-4222-8222-222222222222",
                  "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z", "name": "TestSpy", "is_family": false},
                 {"type": "indicator", "spec_version": "2.1", "id": "indicator--33333333-3333-4333-8333-333333333333",
                  "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z", "pattern_type": "stix",
                  "valid_from": "2024-01-01T00:00:00Z", "pattern": "[domain-name:value = 'evil-example.com']"},
                 {"type": "indicator", "spec_version": "2.1", "id": "indicator--44444444-4444-4444-8444-444444444444",
                  "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z", "pattern_type": "stix",
                  "valid_from": "2024-01-01T00:00:00Z", "pattern": "[process:name = 'bh']"},
                 {"type": "relationship", "spec_version": "2.1", "id": "relationship--55555555-5555-4555-8555-555555555555",
                  "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z", "relationship_type": "indicates",
                  "source_ref": "indicator--33333333-3333-4333-8333-333333333333", "target_ref": "malware--22222222-2222-4222-8222-222222222222"},
                 {"type": "relationship", "spec_version": "2.1", "id": "relationship--66666666-6666-4666-8666-666666666666",
                  "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z", "relationship_type": "indicates",
                  "source_ref": "indicator--44444444-4444-4444-8444-444444444444", "target_ref": "malware--22222222-2222-4222-8222-222222222222"}
                ]}
                """;
        Path f = dir.resolve("test.stix2");
        Files.writeString(f, bundle);
        return f;
    }

    @Test
    void helpListsEveryCommand() {
        Run r = cotejo("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo", "iocs", "bench");
        Run iocs = cotejo("iocs", "--help");
        assertThat(iocs.out()).contains("info", "check", "convert", "update", "Matching rules");
        for (String sub : new String[] {"info", "check", "convert", "update"}) {
            assertThat(cotejo("iocs", sub, "--help").out()).as(sub).contains("Examples:");
        }
        for (String[] cmd : new String[][] {{"demo", "--help"}, {"bench", "--help"}, {"bench", "iocs", "--help"}, {"--help"}}) {
            assertThat(cotejo(cmd).out()).as(String.join(" ", cmd)).containsPattern("Examples?:");
        }
    }

    @Test
    void checkReportsTheIndicatorCollectionFeedAndRule() throws Exception {
        Path feed = stixFeed();
        Run r = cotejo("iocs", "check", "--iocs", feed.toString(), "hxxps://cdn.evil-example[.]com/a", "good.example.net");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("MATCH", "URL_HOST_SUBDOMAIN", "evil-example.com", "TestSpy", "test.stix2")
                .contains("no match").contains("good.example.net");
    }

    @Test
    void checkWritesJsonLinesWithProvenance() throws Exception {
        Path feed = stixFeed();
        Run r = cotejo("iocs", "check", "--iocs", feed.toString(), "--json", "--type", "process", "bh", "launchd");
        assertThat(r.code()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("matched").asBoolean()).isTrue();
        JsonNode m = first.get("matches").get(0);
        assertThat(m.get("rule").asText()).isEqualTo("PROCESS_EXACT");
        assertThat(m.get("indicator_id").asText()).startsWith("indicator--44444444");
        assertThat(m.get("collection").get("feed_sha256").asText()).hasSize(64);
        assertThat(new ObjectMapper().readTree(lines[1]).get("matched").asBoolean()).isFalse();
    }

    @Test
    void checkFromAFilePrintsOnlyMatchesAndCounts() throws Exception {
        Path feed = stixFeed();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) lines.add("https://site" + i + ".example.net/page?i=" + i);
        lines.add("# a comment");
        lines.add("http://login.evil-example.com/x");
        lines.add("EVIL-EXAMPLE.COM");
        lines.add("https://evil-example.com.attacker.net/");
        Path urls = dir.resolve("urls.txt");
        Files.write(urls, lines);
        Run r = cotejo("iocs", "check", "--iocs", feed.toString(), "--from", urls.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("MATCH"))).hasSize(2);
        assertThat(r.err()).contains("5,003 values checked, 2 matched");
        Run count = cotejo("iocs", "check", "--iocs", feed.toString(), "--from", urls.toString(), "--count");
        assertThat(count.out().strip()).isEqualTo("2");
    }

    @Test
    void malformedFeedIsOneLineErrorWithExitTwo() throws Exception {
        Path bad = dir.resolve("broken.stix2");
        Files.writeString(bad, "{\"type\": \"bundle\", \"objects\": [ {\"type\": ");
        Run r = cotejo("iocs", "check", "--iocs", bad.toString(), "evil.com");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("cotejo: ").contains("broken.stix2").doesNotContain("Exception", "\tat ");
    }

    @Test
    void hugeFeedIsRefusedBeforeReading() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(2L << 30); // sparse: takes no disk space
        }
        Run r = cotejo("iocs", "info", "--iocs", huge.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("huge.json").contains("limit");
    }

    @Test
    void missingFeedAndUnknownTypeAreUserErrors() {
        assertThat(cotejo("iocs", "check", "--iocs", dir.resolve("nope.stix2").toString(), "x.com").code()).isEqualTo(2);
        Run r = cotejo("iocs", "check", "--type", "colour", "x.com");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown type 'colour'");
    }

    @Test
    void invalidValuesAreReportedNotGuessed() {
        Run r = cotejo("iocs", "check", "--type", "ipv4", "999.1.2.3");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("INVALID").contains("999.1.2.3");
    }

    @Test
    void convertToStixAndBackKeepsEveryIndicator() throws Exception {
        Path feed = stixFeed();
        Path out = dir.resolve("out.stix2");
        assertThat(cotejo("iocs", "convert", "--to", "stix", "--iocs", feed.toString(), "--out", out.toString()).code()).isZero();
        Run r = cotejo("iocs", "check", "--iocs", out.toString(), "--type", "process", "bh");
        assertThat(r.out()).contains("MATCH", "TestSpy");
        Path misp = dir.resolve("out.misp.json");
        assertThat(cotejo("iocs", "convert", "--to", "misp", "--iocs", out.toString(), "--out", misp.toString()).code()).isZero();
        assertThat(cotejo("iocs", "check", "--iocs", misp.toString(), "www.evil-example.com").out()).contains("MATCH", "TestSpy");
        byte[] first = Files.readAllBytes(out);
        cotejo("iocs", "convert", "--to", "stix", "--iocs", feed.toString(), "--out", out.toString());
        assertThat(Files.readAllBytes(out)).isEqualTo(first);
    }

    @Test
    void infoDescribesBundledFeedsWithCollectionsAndCounts() {
        Run r = cotejo("iocs", "info");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("pegasus.stix2", "Pegasus", "domain=1438");
    }

    @Test
    void iocsDemoFindsSpywareTracesInTheBundledSample() {
        Run r = cotejo("iocs", "demo");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("MATCH").contains("baramije.net").contains("INVALID").contains("on list");
        assertThat(r.out()).containsPattern("\\d+ of \\d+ values matched");
    }
}
