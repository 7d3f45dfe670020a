package org.cotejo.forensics.android.dumpsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cotejo.forensics.android.bugreport.Bugreports;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MVT's Android samples ({@code COTEJO_CORPUS/mvt-artifacts/android_data}): the bugreport tree, and the
 * single-service dumpsys files, each read as the section of a dumpstate it was cut from. Counts are
 * facts about those files, checked by hand against them.
 */
class DumpsysCorpusTest {
    @TempDir Path tmp;

    static Path androidData() {
        String corpus = System.getenv("COTEJO_CORPUS");
        Path dir = corpus == null ? null : Path.of(corpus, "mvt-artifacts/android_data");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "COTEJO_CORPUS is not set or has no mvt-artifacts/android_data: skipping the Android corpus check");
        return dir;
    }

    /** A bugreport folder whose dumpstate is the sample file under its service's header (added when the file lacks it). */
    private Path asSection(String file, String service) throws Exception {
        String text = Files.readString(androidData().resolve(file), StandardCharsets.ISO_8859_1);
        String header = service == null ? "------ SYSTEM PROPERTIES (getprop) ------" : "DUMP OF SERVICE " + service + ":";
        if (!text.contains(header)) text = header + "\n" + text + (text.endsWith("\n") ? "" : "\n");
        Path dir = Files.createDirectories(tmp.resolve(file));
        Files.writeString(dir.resolve("main_entry.txt"), "dumpstate.txt\n");
        Files.writeString(dir.resolve("dumpstate.txt"), text, StandardCharsets.ISO_8859_1);
        return dir;
    }

    private ModuleHarness.Result run(String file, String service, String... modules) throws Exception {
        return ModuleHarness.run(Bugreports.open(asSection(file, service)), modules);
    }

    @Test
    void theBugreportTreeHasAppopsPackagesPlatformCompatAndTwoTombstoneFiles() throws Exception {
        var r = ModuleHarness.run(Bugreports.open(androidData().resolve("bugreport")), "DumpsysAccessibility", "DumpsysActivities",
                "DumpsysAppops", "DumpsysBatteryDaily", "DumpsysBatteryHistory", "DumpsysDBInfo", "DumpsysGetProp", "DumpsysPackages",
                "DumpsysPlatformCompat", "DumpsysReceivers", "DumpsysADBState", "BugReportTimestamps");
        assertThat(r.problems()).isEmpty();
        assertThat(r.of("dumpsys_appops")).hasSize(12);
        assertThat(r.of("dumpsys_packages")).extracting(x -> x.fields().string("package_name"))
                .containsExactly("com.samsung.android.provider.filterprovider", "com.instagram.android");
        assertThat(r.of("dumpsys_platform_compat")).extracting(x -> x.fields().string("package_name"))
                .containsExactly("org.torproject.torbrowser", "org.article19.circulo.next");
        assertThat(r.of("bugreport_timestamps")).extracting(x -> x.fields().string("path"))
                .containsExactly("FS/data/tombstones/tombstone_00", "FS/data/tombstones/tombstone_01");
        for (String none : List.of("dumpsys_accessibility", "dumpsys_activities", "dumpsys_battery_daily", "dumpsys_battery_history",
                "dbinfo", "dumpsys_get_prop", "dumpsys_receivers", "dumpsys_adb_state")) {
            assertThat(r.of(none)).as(none).isEmpty();
        }
        assertThat(r.records()).hasSize(18);
    }

    @Test
    void theSingleServiceFilesGiveTheRecordsTheyHold() throws Exception {
        assertThat(run("dumpsys_accessibility.txt", "accessibility", "DumpsysAccessibility").of("dumpsys_accessibility")).hasSize(4);
        assertThat(run("dumpsys_accessibility_v14_or_later.txt", "accessibility", "DumpsysAccessibility").of("dumpsys_accessibility"))
                .extracting(x -> x.fields().string("package_name")).containsExactly("com.malware.accessibility");
        assertThat(run("dumpsys_appops.txt", "appops", "DumpsysAppops").of("dumpsys_appops")).hasSize(13);
        var battery = run("dumpsys_battery.txt", "batterystats", "DumpsysBatteryDaily", "DumpsysBatteryHistory");
        assertThat(battery.of("dumpsys_battery_daily")).extracting(x -> x.fields().string("package_name"))
                .containsExactly("com.facebook.katana", "com.facebook.services", "com.facebook.system");
        assertThat(battery.of("dumpsys_battery_history")).extracting(x -> x.fields().string("event"))
                .containsExactly("start_job", "end_job", "start_top", "end_top", "start_top");
        assertThat(run("dumpsys_dbinfo.txt", "dbinfo", "DumpsysDBInfo").of("dbinfo")).hasSize(5)
                .allSatisfy(x -> assertThat(x.fields().string("path")).isEqualTo("/data/user/0/com.wssyncmldm/databases/idmsdk.db"));
        var packages = run("dumpsys_packages.txt", "package", "DumpsysPackages", "DumpsysActivities", "DumpsysReceivers");
        assertThat(packages.of("dumpsys_packages")).hasSize(2);
        assertThat(packages.of("dumpsys_activities")).hasSize(4);
        assertThat(packages.of("dumpsys_receivers")).hasSize(4);
        assertThat(run("dumpsys_platform_compat.txt", "platform_compat", "DumpsysPlatformCompat").of("dumpsys_platform_compat")).hasSize(2);
        assertThat(run("getprop.txt", null, "DumpsysGetProp").of("dumpsys_get_prop")).hasSize(13);
    }

    @Test
    void theAdbSamplesGiveTheTrustedKeysAndSayWhenTheBinaryKeystoreIsDamaged() throws Exception {
        var xml = run("dumpsys_adb_xml.txt", "adb", "DumpsysADBState");
        assertThat(xml.problems()).isEmpty();
        assertThat(AdbTrustedKey.of(xml.of("dumpsys_adb_state").get(0).fields())).singleElement().satisfies(k -> {
            assertThat(k.user()).isEqualTo("user@laptop");
            assertThat(k.lastConnected()).isEqualTo(1628501829898L);
        });
        var wifi = run("dumpsys_adb_wifi.txt", "adb", "DumpsysADBState");
        assertThat(wifi.of("dumpsys_adb_state")).singleElement().satisfies(x -> {
            assertThat(x.fields().object("adb_wifi").string("enabled")).isEqualTo("false");
            assertThat(x.fields().string("keystore_format")).isEqualTo("abx");
            assertThat(AdbTrustedKey.of(x.fields())).singleElement().satisfies(k -> assertThat(k.user()).isEqualTo("user@linux"));
        });
        // The sample's binary XML went through a text conversion (bytes over 0x7F became U+FFFD), so it cannot be decoded.
        assertThat(wifi.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("the ADB keystore (abx,"));
        assertThat(run("dumpsys_adb.txt", "adb", "DumpsysADBState").of("dumpsys_adb_state")).hasSize(1);
    }
}
