package org.cotejo.forensics.ios.backup.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.ios.backup.BackupFileIds;
import org.cotejo.forensics.ios.backup.TestBackups;
import org.cotejo.forensics.ios.backup.crypto.Keybag;
import org.cotejo.forensics.plist.KeyedArchive;
import org.cotejo.forensics.plist.Plists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupWriterTest {
    @TempDir Path tmp;

    private Path plainBackup() throws Exception {
        try (BackupWriter w = BackupWriter.create(tmp.resolve("b"), BackupDevice.example().with("Device Name", "Ana's iPhone").with("IMEI", null))) {
            w.file("HomeDomain", "Library/SMS/sms.db", "db".getBytes(StandardCharsets.UTF_8), 0100600, Instant.parse("2024-05-01T08:00:00Z"), 4);
            w.symlink("HomeDomain", "Library/Link", "/private/var/mobile/x");
            w.directory("HomeDomain", "Library/Empty");
            w.application("com.example.chat", "<plist>meta</plist>".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2});
            return w.finish();
        }
    }

    @Test
    void writesInfoPlistWithTheDeviceAndItsApplications() throws Exception {
        NSDictionary info = (NSDictionary) Plists.parse(Files.readAllBytes(plainBackup().resolve("Info.plist")), "Info.plist");
        assertThat(info.objectForKey("Unique Identifier").toJavaObject()).isEqualTo("00008101-000A1B2C3D4E001E");
        assertThat(info.objectForKey("Target Identifier").toJavaObject()).isEqualTo("00008101-000A1B2C3D4E001E");
        assertThat(info.objectForKey("Product Type").toJavaObject()).isEqualTo("iPhone13,2");
        assertThat(info.objectForKey("Product Version").toJavaObject()).isEqualTo("17.5.1");
        assertThat(info.objectForKey("Build Version").toJavaObject()).isEqualTo("21F90");
        assertThat(info.objectForKey("Device Name").toJavaObject()).isEqualTo("Ana's iPhone");
        assertThat(info.objectForKey("Serial Number")).isNotNull();
        assertThat(info.containsKey("IMEI")).isFalse();
        assertThat(((NSDate) info.objectForKey("Last Backup Date")).getDate().toInstant()).isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
        assertThat(((NSArray) info.objectForKey("Installed Applications")).getArray()[0].toJavaObject()).isEqualTo("com.example.chat");
        NSDictionary app = (NSDictionary) ((NSDictionary) info.objectForKey("Applications")).objectForKey("com.example.chat");
        assertThat(new String(((NSData) app.objectForKey("iTunesMetadata")).bytes(), StandardCharsets.UTF_8)).isEqualTo("<plist>meta</plist>");
        assertThat(((NSData) app.objectForKey("PlaceholderIcon")).bytes()).containsExactly(1, 2);
    }

    @Test
    void writesManifestDbWithTheRealSchemaArchivedMetadataAndFolderRows() throws Exception {
        Path b = plainBackup();
        String smsId = "3d0d7e5fb2ce288813306e4d4636395e047a3d28";
        assertThat(b.resolve("3d/" + smsId)).hasBinaryContent("db".getBytes(StandardCharsets.UTF_8));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + b.resolve("Manifest.db"))) {
            List<String> tables = column(c, "SELECT sql FROM sqlite_master WHERE type = 'table' ORDER BY name");
            assertThat(tables).containsExactly(
                    "CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB)",
                    "CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)");
            assertThat(column(c, "SELECT relativePath || ':' || flags FROM Files WHERE domain = 'HomeDomain' ORDER BY relativePath"))
                    .containsExactly(":2", "Library:2", "Library/Empty:2", "Library/Link:4", "Library/SMS:2", "Library/SMS/sms.db:1");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT file FROM Files WHERE fileID = '" + smsId + "'")) {
                rs.next();
                @SuppressWarnings("unchecked")
                Map<String, Object> mbfile = (Map<String, Object>) KeyedArchive.decodeObject(Plists.parse(rs.getBytes(1), "blob"), 1, "blob");
                assertThat(mbfile).containsEntry("RelativePath", "Library/SMS/sms.db").containsEntry("Size", 2L)
                        .containsEntry("Mode", 0100600L).containsEntry("ProtectionClass", 4L)
                        .containsEntry("LastModified", Instant.parse("2024-05-01T08:00:00Z").getEpochSecond())
                        .doesNotContainKey("EncryptionKey");
            }
        }
        assertThat(b.resolve(BackupFileIds.storagePath(BackupFileIds.of("HomeDomain", "Library/Link")))).doesNotExist();
    }

    @Test
    void writesManifestAndStatusPlistsThatSayWhetherTheBackupIsEncrypted() throws Exception {
        NSDictionary plain = (NSDictionary) Plists.parse(Files.readAllBytes(plainBackup().resolve("Manifest.plist")), "m");
        assertThat(((NSNumber) plain.objectForKey("IsEncrypted")).boolValue()).isFalse();
        assertThat(plain.containsKey("BackupKeyBag")).isFalse();
        assertThat(((NSDictionary) plain.objectForKey("Lockdown")).objectForKey("ProductVersion").toJavaObject()).isEqualTo("17.5.1");

        Path enc;
        try (BackupWriter w = BackupWriter.createEncrypted(tmp.resolve("e"), BackupDevice.example(),
                BackupEncryption.withPassword("pw".toCharArray()).iterations(1, 1))) {
            enc = w.file("HomeDomain", "a", new byte[] {1}).finish();
        }
        NSDictionary m = (NSDictionary) Plists.parse(Files.readAllBytes(enc.resolve("Manifest.plist")), "m");
        assertThat(((NSNumber) m.objectForKey("IsEncrypted")).boolValue()).isTrue();
        assertThat(((NSData) m.objectForKey("ManifestKey")).bytes()).hasSize(44).startsWith(4, 0, 0, 0);
        Keybag keybag = Keybag.parse(((NSData) m.objectForKey("BackupKeyBag")).bytes());
        assertThat(keybag.classKeys()).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(keybag.number("ITER")).isEqualTo(1L);
        assertThat(keybag.number("DPIC")).isEqualTo(1L);
        NSDictionary status = (NSDictionary) Plists.parse(Files.readAllBytes(enc.resolve("Status.plist")), "s");
        assertThat(status.objectForKey("SnapshotState").toJavaObject()).isEqualTo("finished");
        assertThat(new String(Files.readAllBytes(enc.resolve("Manifest.db")), 0, 15, StandardCharsets.ISO_8859_1)).isNotEqualTo("SQLite format 3");
    }

    @Test
    void theSameInputAndSeedWriteTheSameBytes() throws Exception {
        List<Map<String, String>> hashes = new ArrayList<>();
        for (String name : List.of("one", "two")) {
            try (BackupWriter w = BackupWriter.createEncrypted(tmp.resolve(name), BackupDevice.example(),
                    BackupEncryption.withPassword("pw".toCharArray()).iterations(1, 1).seed(42))) {
                w.file("HomeDomain", "Library/a.txt", "alpha".getBytes(StandardCharsets.UTF_8));
                w.finish();
            }
            hashes.add(TestBackups.treeHashes(tmp.resolve(name)));
        }
        assertThat(hashes.get(0)).hasSize(5).isEqualTo(hashes.get(1));
    }

    @Test
    void addingTheSameFileTwiceIsAnError() throws Exception {
        try (BackupWriter w = BackupWriter.create(tmp.resolve("dup"), BackupDevice.example())) {
            w.file("HomeDomain", "x", new byte[] {1});
            assertThatThrownBy(() -> w.file("HomeDomain", "x", new byte[] {2})).hasMessageContaining("HomeDomain/x").hasMessageContaining("added twice?");
        }
    }

    private static List<String> column(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
