package org.cotejo.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.cli.check.CheckCommandTest.cotejo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cotejo.cli.check.CheckCommandTest.Run;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.android.qf.AndroidQfBuilder;
import org.cotejo.forensics.android.qf.FileItem;
import org.cotejo.forensics.android.qf.Pkg;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance of the Android checks on the third-party corpus (../shared/corpus): MVT's sample
 * acquisitions with its test indicators, and the real Android feeds (RCS Lab, NoviSpy, Predator, the
 * stalkerware MISP event) matching package names, certificate and APK hashes and file paths. Skips when
 * the corpus is absent.
 */
class AndroidCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path corpus;

    @BeforeEach
    void corpus() {
        String c = System.getenv("COTEJO_CORPUS");
        Assumptions.assumeTrue(c != null && Files.isDirectory(Path.of(c, "mvt-artifacts/androidqf")) && Files.isDirectory(Path.of(c, "iocs")),
                "COTEJO_CORPUS is not set or lacks mvt-artifacts/androidqf and iocs/: skipping the Android conformance test");
        corpus = Path.of(c);
    }

    @Test
    void theSampleCollectionGivesMvtsAlertsAndItsNestedBackupAndDumpsysAreRead() throws Exception {
        Path qf = corpus.resolve("mvt-artifacts/androidqf");
        String before = Hashing.sha256(Files.readAllBytes(qf.resolve("backup.ab")));
        Path out = tmp.resolve("out");
        Run r = cotejo("check", "androidqf", qf.toString(), "--iocs", corpus.resolve("mvt-artifacts/stix2/test.stix2").toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        JsonNode findings = JSON.readTree(out.resolve("findings.json").toFile());
        String all = findings.path("alerts").toString();
        // What MVT raises on this collection (behaviour doc §8.3), read from its packages.json, settings and root_binaries.json.
        assertThat(all).contains("com.whatsapp", "org.fdroid.fdroid", "samsung_errorlog_agree");
        assertThat(findings.path("alerts").findValuesAsText("heuristic")).filteredOn("android.root-binaries.root-binary"::equals).hasSize(4);
        assertThat(Files.readString(out.resolve("android_sms.json"))).contains("https://google.com/");
        assertThat(Files.exists(out.resolve("dumpsys_appops.json"))).as("the collection's dumpsys.txt read as a dumpstate").isTrue();
        assertThat(Hashing.sha256(Files.readAllBytes(qf.resolve("backup.ab")))).isEqualTo(before);
    }

    @Test
    void theZippedCollectionAndTheEncryptedBackupsOpen() throws Exception {
        Run zip = cotejo("check", "androidqf", corpus.resolve("mvt-artifacts/androidqf.zip").toString());
        assertThat(zip.code()).as(zip.err()).isZero();
        assertThat(zip.out()).containsPattern("AQFGetProp\\s+10\\b");

        Path password = tmp.resolve("pw.txt");
        Files.writeString(password, "123456\n");
        for (String ab : List.of("android_backup/backup2.ab", "androidqf_encrypted/backup.ab")) {
            Run r = cotejo("check", "android-backup", corpus.resolve("mvt-artifacts").resolve(ab).toString(), "--password-file", password.toString());
            assertThat(r.code()).as(ab + ": " + r.err()).isZero();
            assertThat(r.out()).as(ab).containsPattern("AndroidSMS\\s+1\\b");
        }
        Files.writeString(password, "654321\n");
        Run wrong = cotejo("check", "android-backup", corpus.resolve("mvt-artifacts/android_backup/backup2.ab").toString(), "--password-file", password.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("wrong password").doesNotContain("Exception");
    }

    @Test
    void theRealAndroidFeedsMatchPackageNamesCertificatesApkHashesAndPaths() throws Exception {
        Path qf = AndroidQfBuilder.collection()
                .prop("ro.product.model", "SM-A525F")
                .pkg(Pkg.named("com.androidservices.support").apk("/data/app/x/base.apk", "", "",
                        "e38d7ba21a48ad32963bfe6cb0203afe0839eca9a73268a67422109da282eae3"))
                .pkg(Pkg.named("com.innocent.app").apk("/data/app/y/base.apk", "", "", "")
                        .certificate("", "", "3ac97735164824657b683e805133b1274b2dedabf9fdd6aa9aca31089d501e64"))
                .pkg(Pkg.named("com.other.app").apk("/data/app/z/base.apk", "", "", "")
                        .certificate("", "E82EDEDCDC22C6FA054AA74274AB789412B1C2F5", ""))
                .pkg(Pkg.named("io.github.vvb2060.packageinstaller.test"))
                .file(FileItem.at("/private/var/tmp/hooker"))
                .writeFolder(tmp.resolve("evidence/qf"));
        Path iocs = corpus.resolve("iocs");
        Path out = tmp.resolve("out");
        Run r = cotejo("check", "androidqf", qf.toString(),
                "--iocs", iocs.resolve("mvt-indicators/2022-06-23_rcs_lab/rcs.stix2").toString(),
                "--iocs", iocs.resolve("amnesty/2024-12-16_serbia_novispy/novispy.stix2").toString(),
                "--iocs", iocs.resolve("mvt-indicators/intellexa_predator/predator.stix2").toString(),
                "--iocs", iocs.resolve("echap/misp_event.json").toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        String detections = JSON.readTree(out.resolve("findings.json").toFile()).path("detections").toString();
        assertThat(detections).contains("com.androidservices.support", "e38d7ba21a48ad32963bfe6cb0203afe0839eca9a73268a67422109da282eae3",
                "3ac97735164824657b683e805133b1274b2dedabf9fdd6aa9aca31089d501e64", "io.github.vvb2060.packageinstaller.test",
                "/private/var/tmp/hooker", "e82ededcdc22c6fa054aa74274ab789412b1c2f5");
    }
}
