package org.cotejo.detection.heuristic.android.dumpsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.detection.heuristic.Heuristics;
import org.cotejo.forensics.android.bugreport.Bugreports;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.module.ModuleRunner;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts the dumpsys heuristics raise on MVT's Android samples (COTEJO_CORPUS), as facts about those files. */
class DumpsysCorpusAlertsTest {
    @TempDir Path tmp;

    static Path androidData() {
        String corpus = System.getenv("COTEJO_CORPUS");
        Path dir = corpus == null ? null : Path.of(corpus, "mvt-artifacts/android_data");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "COTEJO_CORPUS is not set or has no mvt-artifacts/android_data: skipping the Android corpus check");
        return dir;
    }

    private static List<Alert> alerts(Path bugreport) throws Exception {
        List<Record> records = new ArrayList<>();
        try (Extraction x = Bugreports.open(bugreport)) {
            new ModuleRunner(ModuleOptions.DEFAULT).run(x, Modules.installed().forKind(EvidenceKind.BUGREPORT), new RunListener() {
                @Override public void record(Record r) { records.add(r); }
                @Override public void problem(ModuleProblem p) { }
            });
            List<Alert> out = new ArrayList<>();
            for (Heuristic h : Heuristics.installed()) {
                if (!h.id().startsWith("android.dumpsys.")) continue;
                Heuristic.Session s = h.start(new HeuristicContext(x, ModuleOptions.DEFAULT, false));
                for (Record r : records) if (h.modules().contains(r.module())) s.inspect(r, out::add);
                s.finish(out::add);
            }
            return out;
        }
    }

    private Path asSection(String file, String service) throws Exception {
        String text = Files.readString(androidData().resolve(file), StandardCharsets.ISO_8859_1);
        if (!text.contains("DUMP OF SERVICE " + service + ":")) text = "DUMP OF SERVICE " + service + ":\n" + text;
        Path dir = Files.createDirectories(tmp.resolve(file));
        Files.writeString(dir.resolve("main_entry.txt"), "dumpstate.txt\n");
        Files.writeString(dir.resolve("dumpstate.txt"), text, StandardCharsets.ISO_8859_1);
        return dir;
    }

    @Test
    void theBugreportTreeShowsFirefoxAllowedToInstallApps() throws Exception {
        assertThat(alerts(androidData().resolve("bugreport"))).singleElement().satisfies(a -> {
            assertThat(a.heuristic()).isEqualTo("android.dumpsys.appops-install-packages");
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.message()).startsWith("Package 'org.mozilla.firefox' had risky permission 'REQUEST_INSTALL_PACKAGES'");
        });
    }

    @Test
    void theAppopsSampleShowsFirefoxAndFdroidAllowedToInstallApps() throws Exception {
        assertThat(alerts(asSection("dumpsys_appops.txt", "appops"))).extracting(a -> a.message().split("'")[1])
                .containsExactly("org.mozilla.firefox", "org.fdroid.fdroid");
    }

    @Test
    void everyAccessibilityServiceIsFlaggedTheSamsungOnesLower() throws Exception {
        assertThat(alerts(asSection("dumpsys_accessibility_v14_or_later.txt", "accessibility"))).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.message()).contains("com.malware.accessibility/com.malware.service.malwareservice");
        });
        // The four installed services of the older sample all belong to Samsung or Android system packages.
        assertThat(alerts(asSection("dumpsys_accessibility.txt", "accessibility"))).hasSize(4)
                .allSatisfy(a -> assertThat(a.level()).isEqualTo(Level.LOW));
    }

    @Test
    void theBatteryAndPackageSamplesRaiseNothing() throws Exception {
        assertThat(alerts(asSection("dumpsys_battery.txt", "batterystats"))).isEmpty();
        assertThat(alerts(asSection("dumpsys_packages.txt", "package"))).isEmpty();
    }
}
