package org.cotejo.detection.heuristic.android.qf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.forensics.android.qf.AndroidQfAcquisition;
import org.cotejo.forensics.android.qf.AqfFiles;
import org.cotejo.forensics.android.qf.AqfGetProp;
import org.cotejo.forensics.android.qf.AqfSettings;
import org.cotejo.forensics.android.qf.Mounts;
import org.cotejo.forensics.android.qf.RootBinaries;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceRulesTest {
    @TempDir Path tmp;

    static Record setting(String key, String value) {
        return QfRecords.of(new AqfSettings(), "settings_secure.txt", Map.of("namespace", "secure", "key", key, "value", value));
    }

    static Record prop(String name, String value) {
        return QfRecords.of(new AqfGetProp(), "getprop.txt", Map.of("name", name, "value", value));
    }

    static Record file(String path, String mode, long modified) {
        return QfRecords.of(new AqfFiles(), "files.json", Map.of("path", path, "mode", mode, "modified_time", modified,
                "access_time", modified, "changed_time", modified, "context", ""));
    }

    static Record mount(String line) {
        String[] p = line.split(" ");
        String opts = p[5].substring(1, p[5].length() - 1);
        List<String> list = List.of(opts.split(","));
        boolean system = List.of("/system", "/vendor", "/product", "/system_ext").stream().anyMatch(p[2]::startsWith);
        return QfRecords.of(new Mounts(), "mounts.json", Map.of("device", p[0], "mount_point", p[2], "filesystem_type", p[4],
                "mount_options", opts, "options_list", list, "is_system_partition", system, "is_read_write", list.contains("rw")));
    }

    @Test
    void flagsEveryRootBinaryHigh() {
        Record su = QfRecords.of(new RootBinaries(), "root_binaries.json",
                Map.of("path", "/system/bin/su", "binary_name", "su", "description", "SuperUser binary"));

        assertThat(QfRecords.run(new RootBinary(), su)).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.HIGH);
            assertThat(a.message()).startsWith("Found root binary \"su\" at path \"/system/bin/su\"").contains("rooted");
        });
        assertThat(QfRecords.run(new RootBinary())).isEmpty();
    }

    @Test
    void flagsADangerousSettingAwayFromItsSafeValueOnly() {
        List<Alert> alerts = QfRecords.run(new DangerousSetting(), setting("package_verifier_enable", "0"),
                setting("package_verifier_user_consent", "1"), setting("accessibility_enabled", "1"),
                setting("accessibility_enabled", "0"), setting("screen_brightness", "0"));

        assertThat(alerts).extracting(Alert::level).containsOnly(Level.MEDIUM);
        assertThat(alerts).extracting(Alert::message).satisfiesExactly(
                m -> assertThat(m).startsWith("Found suspicious \"secure\" setting \"package_verifier_enable = 0\" (disabled Google Play Protect)"),
                m -> assertThat(m).startsWith("Found suspicious \"secure\" setting \"accessibility_enabled = 1\" (enabled accessibility services)"));
    }

    @Test
    void measuresTheSecurityPatchFromTheAcquisitionNotFromToday() throws Exception {
        Record patch = prop("ro.build.version.security_patch", "2023-01-05");
        try (Extraction recent = acquiredAt("2023-06-01T00:00:00Z"); Extraction late = acquiredAt("2023-09-01T00:00:00Z")) {
            assertThat(QfRecords.run(new OldSecurityPatch(), recent, patch)).isEmpty(); // 147 days old then
            assertThat(QfRecords.run(new OldSecurityPatch(), late, patch)).singleElement().satisfies(a -> {
                assertThat(a.level()).isEqualTo(Level.MEDIUM);
                assertThat(a.message()).startsWith("This phone has not received security updates for more than six months (last update: 2023-01-05")
                        .contains("239 days before the acquisition started");
            });
        }
    }

    @Test
    void aDumpstatesPatchLevelCountsAndACollectionAlertsOnceWithItsOwnGetprop() {
        Record dumpsysPatch = QfRecords.of(new org.cotejo.forensics.android.dumpsys.DumpsysGetProp(), "dumpstate.txt",
                Map.of("name", "ro.build.version.security_patch", "value", "2023-01-05"));
        long sept2023 = Instant.parse("2023-09-01T00:00:00Z").getEpochSecond();
        Record own = prop("ro.build.version.security_patch", "2023-01-05");

        assertThat(QfRecords.run(new OldSecurityPatch(), dumpsysPatch, file("/sdcard/a", "-rw-------", sept2023))).hasSize(1);
        assertThat(QfRecords.run(new OldSecurityPatch(), own, dumpsysPatch, file("/sdcard/a", "-rw-------", sept2023)))
                .singleElement().satisfies(a -> assertThat(a.record()).isSameAs(own));
    }

    @Test
    void withoutAcquisitionTimeMeasuresFromTheNewestTimeInTheCollection() {
        Record patch = prop("ro.build.version.security_patch", "2023-01-05");
        long sept2023 = Instant.parse("2023-09-01T00:00:00Z").getEpochSecond();

        assertThat(QfRecords.run(new OldSecurityPatch(), patch, file("/sdcard/a", "-rw-------", sept2023)))
                .singleElement().satisfies(a -> assertThat(a.message()).contains("newest time in the collection"));
        assertThat(QfRecords.run(new OldSecurityPatch(), patch)).as("no time to measure from").isEmpty();
        assertThat(QfRecords.run(new OldSecurityPatch(), prop("ro.build.version.security_patch", "unknown"),
                file("/sdcard/a", "-rw-------", sept2023))).isEmpty();
    }

    @Test
    void flagsAReadWriteSystemPartitionHighAndItsOptionsMedium() {
        List<Alert> rw = QfRecords.run(new ReadWriteSystemMount(), mount("/dev/block/dm-0 on /system type ext4 (rw,seclabel)"),
                mount("/dev/block/dm-1 on /vendor type ext4 (rw,seclabel)"), mount("/dev/block/dm-2 on /product type ext4 (ro,seclabel)"),
                mount("/dev/block/sda on /data type f2fs (rw,seclabel)"));

        assertThat(rw).extracting(Alert::level).containsOnly(Level.HIGH);
        assertThat(rw).extracting(Alert::message).satisfiesExactly(
                m -> assertThat(m).startsWith("Root detected /system partition is mounted as read-write (rw)"),
                m -> assertThat(m).startsWith("System partition /vendor is mounted as read-write (rw). This may indicate system modifications."));
        List<Alert> opts = QfRecords.run(new SuspiciousMountOptions(), mount("/dev/block/dm-0 on /system type ext4 (ro,nodiratime)"),
                mount("/dev/block/dm-1 on /vendor type ext4 (ro,noatime)"), mount("/dev/block/dm-2 on /system_ext type ext4 (ro,seclabel)"));
        assertThat(opts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.message()).startsWith("Suspicious mount options found for /system: ro,nodiratime");
        });
    }

    @Test
    void flagsAFileInDataLocalTmpButNotAndroidQfsOwnCollector() {
        long t = 1_700_000_000L;
        List<Alert> alerts = QfRecords.run(new LocalTmpFile(), file("/data/local/tmp/payload", "-rwxr-x---", t),
                file("/data/local/tmp/notes.txt", "-rw-rw----", t), file("/data/local/tmp/collector", "-rwxr-xr-x", t),
                file("/data/local/tmpfoo", "-rwxr-xr-x", t), file("/sdcard/x", "-rwxr-xr-x", t));

        assertThat(alerts).extracting(Alert::level).containsOnly(Level.HIGH);
        assertThat(alerts).extracting(Alert::message).satisfiesExactly(
                m -> assertThat(m).startsWith("Found executable file at suspicious path \"/data/local/tmp/payload\""),
                m -> assertThat(m).startsWith("Found file at suspicious path \"/data/local/tmp/notes.txt\""));
        assertThat(alerts.get(0).eventTime()).isEqualTo(Instant.ofEpochSecond(t));
    }

    private Extraction acquiredAt(String started) throws Exception {
        FolderTree tree = new FolderTree(tmp);
        return new Extraction(EvidenceKind.ANDROIDQF, tmp, tree, new FsLocator(tree), WorkArea.create(), Map.of())
                .with(AndroidQfAcquisition.class, new AndroidQfAcquisition(started, Optional.of(Instant.parse(started)), ""));
    }
}
