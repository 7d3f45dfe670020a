package org.cotejo.forensics.android.qf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** MVT's sample AndroidQF collection (COTEJO_CORPUS): what each module reads from it. */
class AndroidQfCorpusTest {

    static Path sample(String name) {
        String corpus = System.getenv("COTEJO_CORPUS");
        Path p = corpus == null ? null : Path.of(corpus, "mvt-artifacts", name);
        Assumptions.assumeTrue(p != null && Files.exists(p),
                "COTEJO_CORPUS is not set or has no mvt-artifacts/" + name + ": skipping the corpus check");
        return p;
    }

    static ModuleHarness.Result runAll(Path p) throws Exception {
        return ModuleHarness.run(AndroidQfs.open(p), org.cotejo.forensics.module.ModuleOptions.DEFAULT,
                Modules.installed().all().stream().filter(m -> m.kinds().contains(EvidenceKind.ANDROIDQF)).toList());
    }

    @Test
    void readsEveryFileOfTheSampleFolder() throws Exception {
        ModuleHarness.Result r = runAll(sample("androidqf"));

        assertThat(r.problems()).isEmpty();
        // packages.json lists 7 packages; ps.txt 15 processes under its header; getprop.txt 10 properties;
        // settings_random.txt 9 key=value lines (one with an empty value); files.json 3 entries; root_binaries.json 4 paths.
        assertThat(r.of("aqf_packages")).hasSize(7);
        assertThat(r.of("aqf_processes")).hasSize(15);
        assertThat(r.of("aqf_get_prop")).hasSize(10);
        assertThat(r.of("aqf_settings")).hasSize(9).allSatisfy(s -> assertThat(s.fields().string("namespace")).isEqualTo("random"));
        assertThat(r.of("aqf_files")).hasSize(3);
        assertThat(r.of("root_binaries")).extracting(x -> x.fields().string("binary_name"))
                .containsExactly("su", "busybox", "magisk", "magiskhide");
        // The sample has no mounts.json and no logs/ folder.
        assertThat(r.of("mounts")).isEmpty();
        assertThat(r.of("aqf_log_timestamps")).isEmpty();
        List<Fields> pkgs = r.of("aqf_packages").stream().map(Record::fields).toList();
        assertThat(pkgs).extracting(f -> f.string("name") + "<-" + f.string("installer")).containsExactly(
                "com.whatsapp<-null", "app.revanced.manager.flutter<-com.google.android.packageinstaller",
                "com.google.android.youtube<-com.google.android.packageinstaller",
                "org.fdroid.fdroid<-com.google.android.packageinstaller", "org.nuclearfog.apollo<-org.fdroid.fdroid",
                "com.malware.blah<-null", "com.malware.muahaha<-null");
        // files.json's first entry was modified and accessed in the same second and changed earlier: two MACB events.
        assertThat(r.of("aqf_files").get(0).timeline()).hasSize(2);
    }

    @Test
    void readsTheSampleZipWhoseCollectionIsWrappedInAFolder() throws Exception {
        Path zip = sample("androidqf.zip");

        ModuleHarness.Result r = runAll(zip);

        // androidqf.zip holds only androidqfzip/getprop.txt, the same 10 properties.
        assertThat(r.problems()).isEmpty();
        assertThat(r.of("aqf_get_prop")).hasSize(10);
        assertThat(r.records()).allSatisfy(x -> assertThat(x.module()).isEqualTo("aqf_get_prop"));
        assertThat(r.of("aqf_get_prop").get(0).provenance().file()).isEqualTo("androidqfzip/getprop.txt");
    }
}
