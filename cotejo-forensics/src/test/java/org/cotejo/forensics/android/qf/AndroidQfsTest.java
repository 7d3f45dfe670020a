package org.cotejo.forensics.android.qf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AndroidQfsTest {
    @TempDir Path tmp;

    static AndroidQfBuilder pixel() {
        return AndroidQfBuilder.collection()
                .prop("ro.product.model", "Pixel 7")
                .prop("ro.build.fingerprint", "google/panther/panther:14/UQ1A.240105.004/11206848:user/release-keys")
                .prop("ro.boot.serialno", "28021FDH2005ZQ")
                .prop("ro.build.version.release", "14")
                .prop("ro.build.version.security_patch", "2024-01-05")
                .prop("persist.sys.timezone", "Europe/Madrid");
    }

    @Test
    void opensAFolderWithTheDeviceIdentifiersZoneAndAcquisition() throws Exception {
        Path dir = pixel().acquisition("2024-02-01T10:15:30.5+01:00", "QAAAAGhvc3RrZXk= user@forensics").writeFolder(tmp.resolve("qf"));

        try (Extraction x = AndroidQfs.open(dir)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.ANDROIDQF);
            assertThat(x.identifiers()).containsEntry("model", "Pixel 7")
                    .containsEntry("serial_number", "28021FDH2005ZQ")
                    .containsEntry("android_version", "14")
                    .containsEntry("security_patch", "2024-01-05")
                    .containsKey("build_fingerprint");
            assertThat(x.service(DeviceZone.class).orElseThrow().zone()).contains(ZoneId.of("Europe/Madrid"));
            AndroidQfAcquisition a = x.service(AndroidQfAcquisition.class).orElseThrow();
            assertThat(a.started()).contains(Instant.parse("2024-02-01T09:15:30.5Z"));
            assertThat(a.adbHostPublicKey()).isEqualTo("QAAAAGhvc3RrZXk= user@forensics");
        }
    }

    @Test
    void opensAZipThatWrapsTheCollectionInOneFolder() throws Exception {
        Path zip = pixel().inFolder("androidqfzip").writeZip(tmp.resolve("androidqf.zip"));

        try (Extraction x = AndroidQfs.open(zip)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.ANDROIDQF);
            assertThat(x.identifiers()).containsEntry("model", "Pixel 7");
            assertThat(x.tree().entry("androidqfzip/getprop.txt")).isPresent();
        }
    }

    @Test
    void prefersRoSerialnoAndLeavesTheZoneUnknownWithoutPersistSysTimezone() throws Exception {
        Path dir = AndroidQfBuilder.collection().prop("ro.boot.serialno", "BOOT").prop("ro.serialno", "RO")
                .writeFolder(tmp.resolve("qf"));

        try (Extraction x = AndroidQfs.open(dir)) {
            assertThat(x.identifiers()).containsEntry("serial_number", "RO").doesNotContainKey("model");
            assertThat(x.service(DeviceZone.class).orElseThrow().zone()).isEmpty();
            assertThat(x.service(AndroidQfAcquisition.class)).isEmpty();
        }
    }

    @Test
    void takesTheHostKeyFromAdbHostKeyPubWhenAcquisitionJsonHasNone() throws Exception {
        Path dir = pixel().acquisition("2024-02-01T09:00:00Z", "").raw("adb_host_key.pub", "QAAAAHB1Yg== me@host\n")
                .writeFolder(tmp.resolve("qf"));

        try (Extraction x = AndroidQfs.open(dir)) {
            AndroidQfAcquisition a = x.service(AndroidQfAcquisition.class).orElseThrow();
            assertThat(a.adbHostPublicKey()).isEqualTo("QAAAAHB1Yg== me@host");
            assertThat(a.started()).contains(Instant.parse("2024-02-01T09:00:00Z"));
        }
    }

    @Test
    void aDamagedAcquisitionJsonDoesNotStopTheCollectionFromOpening() throws Exception {
        Path dir = pixel().raw("acquisition.json", "{\"started\": ").writeFolder(tmp.resolve("qf"));

        try (Extraction x = AndroidQfs.open(dir)) {
            assertThat(x.service(AndroidQfAcquisition.class).orElseThrow().started()).isEmpty();
            assertThat(x.identifiers()).containsEntry("model", "Pixel 7");
        }
    }

    @Test
    void namesTheNestedBugreportBackupAndIntrusionLogsWithoutOpeningThem() throws Exception {
        Path zip = pixel().inFolder("qf")
                .raw("bugreport.zip", new byte[] {'P', 'K', 5, 6})
                .raw("backup.ab", "ANDROID BACKUP\n5\n1\nnone\n".getBytes(StandardCharsets.US_ASCII))
                .raw("intrusion_logs/2025-01-01.txt", "{}\n")
                .raw("intrusion_logs/2025-01-02.txt", "{}\n")
                .writeZip(tmp.resolve("qf.zip"));

        try (Extraction x = AndroidQfs.open(zip)) {
            assertThat(AndroidQfs.bugreport(x.tree()).map(FileEntry::path)).contains("qf/bugreport.zip");
            assertThat(AndroidQfs.backup(x.tree()).map(FileEntry::path)).contains("qf/backup.ab");
            assertThat(AndroidQfs.intrusionLogs(x.tree())).extracting(FileEntry::path)
                    .containsExactly("qf/intrusion_logs/2025-01-01.txt", "qf/intrusion_logs/2025-01-02.txt");
            assertThat(AndroidQfs.intrusionLogsFolder(x.tree())).contains("qf/intrusion_logs");
            assertThat(x.nested()).isEmpty();
        }
    }

    @Test
    void aCollectionWithoutNestedEvidenceNamesNone() throws Exception {
        try (Extraction x = AndroidQfs.open(pixel().writeFolder(tmp.resolve("qf")))) {
            assertThat(AndroidQfs.bugreport(x.tree())).isEmpty();
            assertThat(AndroidQfs.backup(x.tree())).isEmpty();
            assertThat(AndroidQfs.intrusionLogsFolder(x.tree())).isEmpty();
        }
    }

    @Test
    void refusesAMissingPathAndAFileThatIsNotAZip() throws Exception {
        assertThatThrownBy(() -> AndroidQfs.open(tmp.resolve("nope"))).isInstanceOf(CotejoException.class)
                .hasMessageContaining("no such file or folder");
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> AndroidQfs.open(text)).isInstanceOf(CotejoException.class).hasMessageContaining("notes.txt");
    }
}
