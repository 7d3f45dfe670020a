package org.cotejo.cli.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.cli.testing.Cli.cotejo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cotejo.cli.testing.Cli.Run;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.sim.DemoWorld;
import org.cotejo.correlation.sim.DeviceTruth;
import org.cotejo.correlation.sim.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `cotejo demo` end to end, run once for the class: two cases, one exported as a signed package and read
 * back by the investigation, and the clusters it finds are the simulated world's operators.
 */
class DemoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path out;
    static Run demo;

    @BeforeAll
    static void runTheDemoOnce() {
        out = tmp.resolve("cotejo-demo");
        demo = cotejo("demo", "--out", out.toString());
    }

    @Test
    void theDemoRunsAndPrintsWhereTheReportIs() {
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).containsPattern("Report: " + java.util.regex.Pattern.quote(out.toString()));
        assertThat(demo.out()).contains("Clusters: 2 single-source hypotheses, 1 across groups");
        assertThat(out.resolve("input/world/truth.json")).isRegularFile();
        assertThat(out.resolve("input/packages/FR-for-ES/manifest.sig")).isRegularFile();
    }

    @Test
    void theClustersAreTheWorldsOperatorsOneOfThemAcrossSpainAndFrance() throws Exception {
        assertThat(demo.code()).as(demo.err()).isZero();
        Set<Set<String>> found = new HashSet<>();
        for (JsonNode c : JSON.readTree(out.resolve("clusters.json").toFile()).path("clusters")) {
            Set<String> labels = new HashSet<>();
            c.path("devices").forEach(d -> labels.add(d.path("label").asText()));
            found.add(labels);
        }
        assertThat(found).isEqualTo(truthClusters(DemoWorld.generate()));
    }

    @Test
    void sameToolStatementsNameTheToolTheCasesPinnedFeedsAndThePackageIndicate() throws Exception {
        assertThat(demo.code()).as(demo.err()).isZero();
        Set<String> tools = new HashSet<>();
        for (JsonNode s : JSON.readTree(out.resolve("clusters.json").toFile()).path("same_tool")) tools.add(s.path("threat").asText());
        Set<String> vendors = new HashSet<>();
        DemoWorld.generate().truth().vendors().forEach(v -> vendors.add(v.name()));
        assertThat(tools).isNotEmpty().doesNotContain("unnamed tool");
        assertThat(vendors).containsAll(tools);
    }

    @Test
    void nothingIsLeftHalfWrittenBesideTheOutput() throws Exception {
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }

    @Test
    void aSecondDemoReplacesTheFirstButAnOtherFolderIsRefused() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("not-a-demo"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        Run r = cotejo("demo", "--out", other.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not empty").doesNotContain("Exception");
        assertThat(other.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void theFrenchPackageVerifiesAndItsExportIsInTheFrenchLedger() {
        assertThat(demo.code()).as(demo.err()).isZero();
        Run verify = cotejo("package", "verify", out.resolve("input/packages/FR-for-ES").toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        Run log = cotejo("case", "log", "-C", out.resolve("input/cases/FR").toString());
        assertThat(log.out()).contains("export").contains("case export");
    }

    @Test
    void theExportedPackageHoldsTheReportAndEachDevicesEvidenceButNoMessageText() throws Exception {
        Path pkg = out.resolve("input/packages/FR-for-ES");
        assertThat(pkg.resolve("report.json")).isRegularFile();
        assertThat(pkg.resolve("devices")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".device-evidence.json"));
        assertThat(pkg.resolve("devices")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".findings.json"));
        assertThat(pkg.resolve("feeds")).isDirectory();
        // The simulated lures are sentences around the link; only the link may leave.
        try (var s = Files.walk(pkg)) {
            for (Path p : s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json")).toList()) {
                assertThat(Files.readString(p)).as(p.toString()).doesNotContain("owner@example.com");
            }
        }
    }

    @Test
    void aPackageImportedAsAForeignCaseIsInvestigatedThroughItsPackage() throws Exception {
        assertThat(demo.code()).as(demo.err()).isZero();
        Path foreign = tmp.resolve("fr-received");
        Run imported = cotejo("case", "import-package", out.resolve("input/packages/FR-for-ES").toString(), "-C", foreign.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        Path report = tmp.resolve("with-foreign-case");
        Run r = cotejo("investigate", "--case", "ES=" + out.resolve("input/cases/ES"), "--case", "FR=" + foreign,
                "--enrichment", out.resolve("input/world/enrichment").toString(), "--out", report.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("was imported from an exchange package");
        JsonNode sides = JSON.readTree(report.resolve("report.json").toFile()).path("sides");
        assertThat(sides.get(1).path("origin").asText()).isEqualTo("package");
        assertThat(sides.get(1).path("sender").asText()).contains("verified");
        assertThat(r.out()).contains("1 across groups");
    }

    @Test
    void anExportWithAnUnknownTlpIsRefused() {
        Path o = tmp.resolve("export-purple");
        Run r = cotejo("case", "export", "-C", out.resolve("input/cases/FR").toString(), "--for", "X", "--tlp", "purple", "--out", o.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown TLP level 'purple'");
        assertThat(o).doesNotExist();
    }

    /** The pseudonyms the demo gives ("ES person 01", in world order) of each operator's detected targets. */
    static Set<Set<String>> truthClusters(World w) {
        Map<String, String> pseudonym = new HashMap<>();
        Map<String, Integer> counters = new HashMap<>();
        for (DeviceEvidence d : w.devices()) {
            String g = d.device().group();
            int n = counters.merge(g, 1, Integer::sum);
            pseudonym.put(d.device().id(), String.format(Locale.ROOT, "%s person %02d", g, n));
        }
        Map<String, Set<String>> byOperator = new HashMap<>();
        for (DeviceTruth t : w.truth().devices()) {
            if (t.targeted() && t.detected()) byOperator.computeIfAbsent(t.operator(), k -> new HashSet<>()).add(pseudonym.get(t.deviceId()));
        }
        return new HashSet<>(byOperator.values());
    }
}
