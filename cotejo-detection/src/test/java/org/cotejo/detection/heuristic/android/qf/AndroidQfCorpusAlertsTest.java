package org.cotejo.detection.heuristic.android.qf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cotejo.detection.Detector;
import org.cotejo.detection.Findings;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.detection.heuristic.Heuristics;
import org.cotejo.forensics.android.qf.AndroidQfs;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.module.ModuleRunner;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.record.Record;
import org.cotejo.indicators.feed.FeedReader;
import org.cotejo.indicators.index.IndicatorIndex;
import org.cotejo.indicators.warninglist.WarningLists;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * MVT's sample AndroidQF collection (COTEJO_CORPUS) checked with every heuristic and MVT's test.stix2:
 * the alerts MVT raises on it, derived from the data.
 */
class AndroidQfCorpusAlertsTest {

    static Path corpus(String rel) {
        String root = System.getenv("COTEJO_CORPUS");
        Path p = root == null ? null : Path.of(root, rel);
        Assumptions.assumeTrue(p != null && Files.exists(p), "COTEJO_CORPUS is not set or has no " + rel + ": skipping the corpus check");
        return p;
    }

    static Findings check(Path collection) throws Exception {
        IndicatorIndex index = IndicatorIndex.of(FeedReader.defaults().read(corpus("mvt-artifacts/stix2/test.stix2")).indicators());
        try (Extraction x = AndroidQfs.open(collection)) {
            Detector d = new Detector(index, WarningLists.curated(), Heuristics.installed(),
                    new HeuristicContext(x, ModuleOptions.DEFAULT, true));
            var modules = Modules.installed().all().stream().filter(m -> m.kinds().contains(EvidenceKind.ANDROIDQF)).toList();
            new ModuleRunner(ModuleOptions.DEFAULT).run(x, modules, new RunListener() {
                @Override public void record(Record r) { d.accept(r); }
                @Override public void problem(ModuleProblem p) { throw new AssertionError(p.describe()); }
            });
            return d.finish();
        }
    }

    static List<String> messages(Findings f, String heuristic) {
        return f.alerts().stream().filter(a -> a.heuristic().equals(heuristic)).map(Alert::message).toList();
    }

    @Test
    void raisesWhatMvtRaisesOnTheSampleFolder() throws Exception {
        Findings f = check(corpus("mvt-artifacts/androidqf"));

        // packages.json: com.whatsapp has installer "null" and is not a system app; app.revanced.manager.flutter,
        // com.google.android.youtube (a system app) and org.fdroid.fdroid were installed by the package installer;
        // org.nuclearfog.apollo came from F-Droid; com.malware.blah and com.malware.muahaha have no installer but are
        // system apps; none is disabled or a rooting app.
        assertThat(messages(f, "android.packages.adb-install")).singleElement().asString().contains("\"com.whatsapp\"");
        assertThat(messages(f, "android.packages.browser-install")).hasSize(3).anySatisfy(m -> assertThat(m).contains("app.revanced.manager.flutter"))
                .anySatisfy(m -> assertThat(m).contains("com.google.android.youtube")).anySatisfy(m -> assertThat(m).contains("\"org.fdroid.fdroid\""));
        assertThat(messages(f, "android.packages.third-party-store")).singleElement().asString().contains("org.nuclearfog.apollo");
        // root_binaries.json lists su, busybox, magisk and magiskhide.
        assertThat(messages(f, "android.root-binaries.root-binary")).hasSize(4);
        // settings_random.txt: samsung_errorlog_agree=0 (the other two dangerous keys hold their safe value 1).
        assertThat(messages(f, "android.settings.dangerous-setting")).singleElement().asString()
                .contains("\"random\" setting \"samsung_errorlog_agree = 0\"");
        // No security patch in getprop.txt, no mounts.json, nothing under /data/local/tmp/ in files.json.
        assertThat(f.alerts()).hasSize(10);
        assertThat(f.alerts().stream().filter(a -> a.level() == Level.HIGH)).hasSize(4);
        assertThat(f.alerts().stream().filter(a -> a.level() == Level.MEDIUM)).hasSize(5);
        // test.stix2's Android indicator is the property sys.foobar, which this getprop.txt does not have; its hashes
        // are none of the APKs' or certificates'. So no indicator matches, as with MVT on this folder.
        assertThat(f.detections()).isEmpty();
    }

    @Test
    void testStixsAndroidPropertyMatchesACollectionThatHasIt(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("getprop.txt"), "[ro.product.model]: [Pixel 7]\n[sys.foobar]: [1]\n");

        Findings f = check(tmp);

        assertThat(f.detections()).singleElement().satisfies(d -> {
            assertThat(d.record().module()).isEqualTo("aqf_get_prop");
            assertThat(d.observed().observable().value()).isEqualTo("sys.foobar");
            assertThat(d.level()).isEqualTo(Level.CRITICAL);
        });
    }

    @Test
    void theSampleZipHoldsOnlyPropertiesAndRaisesNothing() throws Exception {
        Findings f = check(corpus("mvt-artifacts/androidqf.zip"));

        assertThat(f.alerts()).isEmpty();
        assertThat(f.detections()).isEmpty();
    }
}
