package org.cotejo.forensics.ios.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.forensics.ios.backup.TestBackups.PASSWORD;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partial backups (interrupted, or files the phone left out) miss stored files their manifest lists. */
class PartialBackupTest {
    @TempDir Path tmp;

    @Test
    void anEncryptedBackupMissingHalfItsFilesOpensAndItsPresentFilesReadCleanly() throws Exception {
        Map<String, byte[]> files = TestBackups.files(tmp);
        Path backup = TestBackups.write(tmp.resolve("partial"), files, TestBackups.fast());
        List<String> gone = List.of("MediaDomain/Media/big.bin", "AppDomain-net.example.app/Documents/notes.txt",
                "HomeDomain/Library/Preferences/com.apple.example.plist");
        for (String f : gone) Files.delete(backup.resolve(TestBackups.storedPath(f)));

        try (Extraction x = IosBackups.open(backup, PasswordSource.of(PASSWORD.toCharArray()))) {
            assertThat(BackupRoundTripTest.present(x, files)).containsExactlyInAnyOrder(
                    "HomeDomain/Library/SMS/sms.db", "AppDomain-net.example.app/Documents/block16.bin", "AppDomain-net.example.app/Documents/empty");
            assertThat(x.locator().locate(Location.of("MediaDomain", "Media/big.bin"))).isEmpty();
            assertThat(x.locator().locate(Location.of(null, "Documents/*"))).extracting(f -> f.relativePath())
                    .containsExactly("Documents/block16.bin", "Documents/empty");
            assertThat(BackupRoundTripTest.read(x, TestBackups.storedPath("AppDomain-net.example.app/Documents/empty"))).isEmpty();
        }

        ModuleHarness.Result run = ModuleHarness.run(IosBackups.open(backup, PasswordSource.of(PASSWORD.toCharArray())), "SMS");
        assertThat(run.problems()).isEmpty();
        Record sms = run.of("sms").get(0);
        assertThat(sms.fields().string("text")).isEqualTo("Your parcel: https://parcel-track.example.org/x1");
        assertThat(sms.provenance().file()).isEqualTo(TestBackups.storedPath("HomeDomain/Library/SMS/sms.db"));
        assertThat(sms.provenance().sha256()).isEqualTo(Hashing.sha256(Files.readAllBytes(backup.resolve(sms.provenance().file()))));
        assertThat(sms.observables()).anyMatch(o -> o.observable().value().contains("parcel-track.example.org"));
    }
}
