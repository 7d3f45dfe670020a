package org.cotejo.cli.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.cli.testing.Cli.cotejo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.cases.custody.InstallationKey;
import org.cotejo.cli.testing.Cli.Run;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.sim.DemoWorld;
import org.cotejo.correlation.sim.DeviceEvidenceJson;
import org.cotejo.correlation.sim.DeviceTruth;
import org.cotejo.correlation.sim.World;
import org.cotejo.correlation.sim.WorldWriter;
import org.cotejo.report.exchange.PackageFile;
import org.cotejo.report.exchange.PackageHeader;
import org.cotejo.report.exchange.PackageWriter;
import org.cotejo.report.json.ReportJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `cotejo investigate` end to end on the demo's simulated world given as folders of real extractions (one
 * run shared by the class), and each bad input refused with one line, exit 2 and no output folder.
 */
class InvestigateCommandTest {
    @TempDir
    static Path tmp;
    static World world;
    static Path worldDir;
    static Path extractions;
    static Path out;
    static Run run;

    @BeforeAll
    static void investigateTheDemoWorldFromItsExtractions() throws Exception {
        world = DemoWorld.generate();
        worldDir = WorldWriter.write(world, tmp.resolve("world"), true);
        extractions = tmp.resolve("extractions");
        // One folder per group, one per phone, holding only its real-format extraction (not its device-evidence.json).
        for (DeviceEvidence d : world.devices()) {
            Path from = worldDir.resolve("devices").resolve(d.device().label());
            String kind = d.device().platform().equals("ios") ? "ios-backup" : "androidqf";
            Path to = Files.createDirectories(extractions.resolve(d.device().group()).resolve(d.device().label()));
            Files.move(from.resolve(kind), to.resolve(kind));
        }
        out = tmp.resolve("report");
        run = cotejo("investigate", "--case", "ES=" + extractions.resolve("ES"), "--case", "FR=" + extractions.resolve("FR"),
                "--iocs", worldDir.resolve(world.feed().fileName()).toString(), "--enrichment", worldDir.resolve("enrichment").toString(),
                "--agency", "Test agency", "--lang", "es", "--out", out.toString());
    }

    @Test
    void investigatingTwoCountriesFindsTheWorldsOperatorsInReportJson() {
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        JsonNode report = ReportJson.read(out.resolve("report.json"));
        Set<Set<String>> found = new HashSet<>();
        for (JsonNode c : report.path("comparison").path("clusters").path("clusters")) {
            Set<String> labels = new HashSet<>();
            c.path("devices").forEach(d -> labels.add(d.path("label").asText()));
            found.add(labels);
        }
        assertThat(found).isEqualTo(truthClusters(world));
        assertThat(report.path("meta").path("agency").asText()).isEqualTo("Test agency");
        assertThat(report.path("meta").path("language").asText()).isEqualTo("es");
    }

    @Test
    void theHtmlReportNamesEveryClusterAndItsDevices() throws Exception {
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        JsonNode report = ReportJson.read(out.resolve("report.json"));
        for (String id : ReportJson.clusterIds(report)) assertThat(html).contains(id);
        for (Set<String> cluster : truthClusters(world)) for (String label : cluster) assertThat(html).contains(label);
    }

    @Test
    void everyOutputIsWrittenAndEachExtractionsCheckIsKept() {
        for (String f : List.of("report.json", "report.html", "report.pdf", "report.stix.json", "report.misp.json",
                "timeline.timesketch.jsonl", "clusters.json", "links.json", "pivots.json")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        for (DeviceEvidence d : world.devices()) {
            assertThat(out.resolve("checks").resolve(d.device().group()).resolve(d.device().label()).resolve("findings.json")).isRegularFile();
        }
        assertThat(run.out()).contains("Report: " + out.resolve("report.html")).contains("1 across groups");
        assertThat(run.err()).contains("ES: checking").contains("Correlating " + world.devices().size() + " devices");
    }

    @Test
    void theInventoryHasTheHashOfEveryExtraction() {
        JsonNode report = ReportJson.read(out.resolve("report.json"));
        for (JsonNode d : report.path("devices")) {
            assertThat(d.path("evidence")).hasSize(1);
            assertThat(d.path("evidence").get(0).path("sha256").asText()).hasSize(64);
        }
    }

    @Test
    void anUnknownLanguageIsOneLineAndWritesNothing() {
        Path o = tmp.resolve("out-lang");
        Run r = cotejo("investigate", "--case", "ES=" + worldDir.resolve("devices"), "--lang", "de", "--out", o.toString());
        refused(r, o, "unknown report language 'de'");
    }

    @Test
    void anUnknownTlpIsOneLineAndWritesNothing() {
        Path o = tmp.resolve("out-tlp");
        Run r = cotejo("investigate", "--case", "ES=" + worldDir.resolve("devices"), "--tlp", "purple", "--out", o.toString());
        refused(r, o, "unknown TLP level 'purple'");
    }

    @Test
    void aBadMandateFileIsNamed() throws Exception {
        Path mandate = Files.writeString(tmp.resolve("mandate.json"), "{\"court\": \"X\", \"cuestions\": []}");
        Path o = tmp.resolve("out-mandate");
        Run r = cotejo("investigate", "--case", "ES=" + worldDir.resolve("devices"), "--mandate", mandate.toString(), "--out", o.toString());
        refused(r, o, "mandate file " + mandate + ": unknown field 'cuestions'");
    }

    @Test
    void aCaseFromANewerCotejoIsRefused() throws Exception {
        Path caseDir = Files.createDirectories(tmp.resolve("future-case"));
        Files.writeString(caseDir.resolve("case.json"), "{\"format\": \"cotejo-case\", \"version\": 99, \"case_id\": \"x\", \"database\": \"case.db\"}\n");
        Path o = tmp.resolve("out-future");
        Run r = cotejo("investigate", "--case", "ES=" + caseDir, "--out", o.toString());
        refused(r, o, "was written by a newer Cotejo");
    }

    @Test
    void aTamperedPackageIsRefusedNamingTheFile() throws Exception {
        Path pkg = tmp.resolve("package");
        DeviceEvidence fr = world.devices().stream().filter(d -> d.device().group().equals("FR")).findFirst().orElseThrow();
        var header = new PackageHeader("FR agency", "ES agency", Tlp.AMBER, Instant.parse("2026-11-28T09:00:00Z"), "case-fr", "FR", "EIO-1",
                "", "test");
        PackageWriter.write(header, List.of(PackageFile.of("devices/fr.device-evidence.json", PackageFile.ROLE_DEVICE_EVIDENCE,
                DeviceEvidenceJson.toBytes(fr))), InstallationKey.open(tmp.resolve("keys")), pkg);
        Path file = pkg.resolve("devices/fr.device-evidence.json");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        Path o = tmp.resolve("out-tampered");
        Run r = cotejo("investigate", "--case", "FR=" + pkg, "--out", o.toString());
        refused(r, o, "devices/fr.device-evidence.json");
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedUnlessForced() throws Exception {
        Path o = Files.createDirectories(tmp.resolve("out-full"));
        Files.writeString(o.resolve("notes.txt"), "mine");
        Run r = cotejo("investigate", "--case", "ES=" + worldDir.resolve("devices"), "--iocs",
                worldDir.resolve(world.feed().fileName()).toString(), "--out", o.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("cotejo: --out").contains("is not empty").contains("--force").doesNotContain("\n");
        assertThat(o.resolve("notes.txt")).hasContent("mine");

        Run forced = cotejo("investigate", "--case", "ES=" + worldDir.resolve("devices"), "--iocs",
                worldDir.resolve(world.feed().fileName()).toString(), "--force", "--out", o.toString());
        assertThat(forced.code()).as(forced.err()).isIn(0, 3);
        assertThat(o.resolve("notes.txt")).doesNotExist();
        assertThat(o.resolve("report.json")).isRegularFile();
    }

    /** Exit 2, one line naming the problem, no output folder and no partial one beside it. */
    private static void refused(Run r, Path o, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().strip().lines().filter(l -> l.startsWith("cotejo: "))).hasSize(1);
        assertThat(o).doesNotExist();
        try (var s = Files.list(o.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("." + o.getFileName() + ".partial"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each operator's detected targets, by extraction label: what the clusters should be. */
    static Set<Set<String>> truthClusters(World w) {
        Map<String, Set<String>> byOperator = new HashMap<>();
        for (DeviceTruth t : w.truth().devices()) {
            if (t.targeted() && t.detected()) byOperator.computeIfAbsent(t.operator(), k -> new HashSet<>()).addAll(t.extractions());
        }
        return new HashSet<>(byOperator.values());
    }
}
