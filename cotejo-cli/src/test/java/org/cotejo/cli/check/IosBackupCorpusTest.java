package org.cotejo.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cotejo.cli.Main;
import org.cotejo.core.Hashing;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance on the sample backup MVT tests itself with (../shared/corpus): Cotejo finds at least what
 * MVT reports (the TCC client "Launch", the SMS link and the WhatsApp link under example.org), reads the
 * modules the corpus README lists, finds nothing with the real Pegasus feed, and leaves the evidence
 * byte-identical. Skips when the corpus is absent.
 */
class IosBackupCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    Path corpus;

    @BeforeEach
    void corpus() {
        String c = System.getenv("COTEJO_CORPUS");
        Assumptions.assumeTrue(c != null && Files.isDirectory(Path.of(c, "mvt-artifacts/ios_backup")),
                "COTEJO_CORPUS is not set or lacks mvt-artifacts/ios_backup: skipping the iOS backup conformance test");
        corpus = Path.of(c);
    }

    private static int cotejo(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int code = Main.run(args, p, p);
        System.out.println(sink.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static Map<String, String> treeHashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString(), Hashing.sha256(Files.readAllBytes(p)));
        }
        return out;
    }

    @Test
    void findsWhatMvtFindsWithItsTestIndicators() throws Exception {
        Path backup = corpus.resolve("mvt-artifacts/ios_backup");
        Map<String, String> before = treeHashes(backup);
        Path out = tmp.resolve("out");
        int code = cotejo("check", "ios-backup", backup.toString(), "--iocs",
                corpus.resolve("mvt-artifacts/stix2/test.stix2").toString(), "--out", out.toString());
        assertThat(code).isEqualTo(3);
        JsonNode findings = JSON.readTree(out.resolve("findings.json").toFile());
        List<String> found = new ArrayList<>();
        for (JsonNode d : findings.get("detections")) found.add(d.get("module").asText() + " " + d.get("indicator").get("raw").asText());
        assertThat(found).contains("tcc Launch", "sms example.org", "whatsapp example.org");
        for (String slug : List.of("sms", "tcc", "whatsapp", "datausage", "calendar", "interaction_c", "global_preferences",
                "safari_browser_state", "webkit_resource_load_statistics", "manifest", "backup_info")) {
            assertThat(out.resolve(slug + ".json")).as(slug + ".json").exists();
        }
        assertThat(out.resolve("alerts.json")).exists();
        assertThat(treeHashes(backup)).as("evidence unchanged").isEqualTo(before);
    }

    @Test
    void raisesNothingWithThePegasusFeed() throws Exception {
        Path feed = corpus.resolve("iocs/amnesty/2021-07-18_nso/pegasus.stix2");
        Assumptions.assumeTrue(Files.exists(feed), "corpus lacks the Pegasus feed");
        Path out = tmp.resolve("out");
        int code = cotejo("check", "ios-backup", corpus.resolve("mvt-artifacts/ios_backup").toString(), "--iocs", feed.toString(),
                "--out", out.toString());
        JsonNode findings = JSON.readTree(out.resolve("findings.json").toFile());
        assertThat(findings.get("detections")).isEmpty();
        assertThat(findings.get("verdict").get("verdict").asText()).isNotEqualTo("infected");
        assertThat(code).isIn(0, 3);
    }

    @Test
    void twoRunsWriteIdenticalResultsExceptTheRunDate() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String backup = corpus.resolve("mvt-artifacts/ios_backup").toString();
        String feed = corpus.resolve("mvt-artifacts/stix2/test.stix2").toString();
        cotejo("check", "ios-backup", backup, "--iocs", feed, "--out", a.toString());
        cotejo("check", "ios-backup", backup, "--iocs", feed, "--out", b.toString());
        Map<String, String> ha = treeHashes(a);
        Map<String, String> hb = treeHashes(b);
        ha.remove("info.json");
        hb.remove("info.json");
        assertThat(ha).isEqualTo(hb);
    }
}
