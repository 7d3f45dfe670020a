package org.cotejo.forensics.ios.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cotejo.forensics.ios.backup.TestBackups.PASSWORD;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.function.Consumer;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.plist.Plists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged or odd encrypted backups give one clear error, never a stack of exceptions or garbage bytes. */
class DamagedBackupTest {
    @TempDir Path tmp;

    private Path encrypted() throws Exception {
        return TestBackups.write(tmp.resolve("b"), TestBackups.files(tmp), TestBackups.fast());
    }

    private static void editManifestPlist(Path backup, Consumer<NSDictionary> edit) throws IOException {
        NSDictionary d = (NSDictionary) Plists.parse(Files.readAllBytes(backup.resolve("Manifest.plist")), "Manifest.plist");
        edit.accept(d);
        BinaryPropertyListWriter.write(d, backup.resolve("Manifest.plist"));
    }

    private static PasswordSource password() {
        return PasswordSource.of(PASSWORD.toCharArray());
    }

    @Test
    void anEncryptedManifestWithoutItsManifestPlistIsNamedUnreadable() throws Exception {
        Path b = encrypted();
        Files.delete(b.resolve("Manifest.plist"));
        assertThatThrownBy(() -> IosBackups.open(b, password()))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("Manifest.db is not a readable backup manifest");
    }

    @Test
    void aTruncatedKeybagIsNamed() throws Exception {
        Path b = encrypted();
        editManifestPlist(b, d -> d.put("BackupKeyBag", new NSData(Arrays.copyOf(((NSData) d.objectForKey("BackupKeyBag")).bytes(), 100))));
        assertThatThrownBy(() -> IosBackups.open(b, password()))
                .isInstanceOf(CotejoException.class).hasMessageStartingWith("backup keybag: ").hasMessageContaining("offset");
    }

    @Test
    void anEncryptedBackupWithoutKeybagIsNamed() throws Exception {
        Path b = encrypted();
        editManifestPlist(b, d -> d.remove("BackupKeyBag"));
        assertThatThrownBy(() -> IosBackups.open(b, password()))
                .isInstanceOf(CotejoException.class).hasMessageContaining("says the backup is encrypted but has no BackupKeyBag");
    }

    @Test
    void aDamagedManifestKeyIsNamedAsDamageNotAsAWrongPassword() throws Exception {
        Path b = encrypted();
        editManifestPlist(b, d -> {
            byte[] k = ((NSData) d.objectForKey("ManifestKey")).bytes();
            k[10] ^= 0x55;
            d.put("ManifestKey", new NSData(k));
        });
        assertThatThrownBy(() -> IosBackups.open(b, password()))
                .isInstanceOf(CotejoException.class).hasMessageContaining("its ManifestKey cannot be unwrapped").hasMessageContaining("damaged");
    }

    @Test
    void aDamagedInfoPlistLeavesTheBackupReadableWithoutIdentifiers() throws Exception {
        Path b = TestBackups.write(tmp.resolve("plain"), TestBackups.files(tmp), null);
        Files.writeString(b.resolve("Info.plist"), "<?xml version=\"1.0\"?><plist><dict><key>oops");
        try (Extraction x = IosBackups.open(b)) {
            assertThat(x.identifiers()).isEmpty();
            assertThat(BackupRoundTripTest.read(x, TestBackups.storedPath("AppDomain-net.example.app/Documents/notes.txt")))
                    .asString().isEqualTo("call me at 10");
        }
    }

    @Test
    void aGarbledFileBlobLeavesNoMetadataAndItsFileCannotBeReadAsPlainBytes() throws Exception {
        // iOS 10.0 layout: Manifest.db is in the clear, so a row can be damaged in place
        Path b = TestBackups.write(tmp.resolve("ios10"), TestBackups.files(tmp), TestBackups.fast().legacy());
        String id = BackupFileIds.of("HomeDomain", "Library/SMS/sms.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + b.resolve("Manifest.db"));
             PreparedStatement ps = c.prepareStatement("UPDATE Files SET file = ? WHERE fileID = ?")) {
            ps.setBytes(1, new byte[] {'b', 'p', 'l', 'i', 's', 't', '0', '0', 7, 7});
            ps.setString(2, id);
            ps.executeUpdate();
        }
        try (Extraction x = IosBackups.open(b, password())) {
            assertThat(x.service(BackupManifest.class).orElseThrow().find("HomeDomain", "Library/SMS/sms.db").get(0).metadata()).isNull();
            assertThatThrownBy(() -> BackupRoundTripTest.read(x, BackupFileIds.storagePath(id)))
                    .isInstanceOf(IOException.class).hasMessageStartingWith(BackupFileIds.storagePath(id) + ": Manifest.db file blob");
            assertThat(BackupRoundTripTest.read(x, TestBackups.storedPath("AppDomain-net.example.app/Documents/notes.txt")))
                    .asString().isEqualTo("call me at 10");
        }
    }
}
