package org.cotejo.forensics.ios.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cotejo.forensics.ios.backup.TestBackups.PASSWORD;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.ios.backup.write.BackupEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRoundTripTest {
    @TempDir Path tmp;

    @Test
    void readsEveryFileOfAPlainBackupBackByteForByte() throws Exception {
        Map<String, byte[]> files = TestBackups.files(tmp);
        Path backup = TestBackups.write(tmp.resolve("plain"), files, null);
        try (Extraction x = IosBackups.open(backup)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.IOS_BACKUP);
            assertThat(x.identifiers()).containsEntry("udid", "00008101-000A1B2C3D4E001E").containsEntry("product_version", "17.5.1");
            for (Map.Entry<String, byte[]> f : files.entrySet()) assertThat(read(x, TestBackups.storedPath(f.getKey()))).isEqualTo(f.getValue());
        }
    }

    @Test
    void readsEveryFileOfAnEncryptedBackupBackByteForByteWhileHashingTheStoredBytes() throws Exception {
        Map<String, byte[]> files = TestBackups.files(tmp);
        Path backup = TestBackups.write(tmp.resolve("enc"), files, TestBackups.fast());
        String sms = TestBackups.storedPath("HomeDomain/Library/SMS/sms.db");
        assertThat(Files.readAllBytes(backup.resolve(sms))).isNotEqualTo(files.get("HomeDomain/Library/SMS/sms.db"));

        try (Extraction x = IosBackups.open(backup, PasswordSource.of(PASSWORD.toCharArray()))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                assertThat(read(x, TestBackups.storedPath(f.getKey()))).as(f.getKey()).isEqualTo(f.getValue());
            }
            FileEntry e = x.tree().entry(sms).orElseThrow();
            String stored = Hashing.sha256(Files.readAllBytes(backup.resolve(sms)));
            assertThat(x.tree().sha256(e)).isEqualTo(stored).isEqualTo(x.tree().freshSha256(e))
                    .isNotEqualTo(Hashing.sha256(files.get("HomeDomain/Library/SMS/sms.db")));
            assertThat(read(x, "Info.plist")).isEqualTo(Files.readAllBytes(backup.resolve("Info.plist")));
        }
    }

    @Test
    void manifestRowsCarryTheirMbFileMetadataAndFolderRows() throws Exception {
        Path backup = TestBackups.write(tmp.resolve("enc"), TestBackups.files(tmp), TestBackups.fast());
        try (Extraction x = IosBackups.open(backup, PasswordSource.of(PASSWORD.toCharArray()))) {
            BackupManifest manifest = x.service(BackupManifest.class).orElseThrow();
            ManifestEntry sms = manifest.find("HomeDomain", "Library/SMS/sms.db").get(0);
            assertThat(sms.fileId()).isEqualTo("3d0d7e5fb2ce288813306e4d4636395e047a3d28");
            assertThat(sms.isFile()).isTrue();
            assertThat(sms.metadata().longValue("Mode")).isEqualTo(0100644L);
            assertThat(sms.metadata().longValue("Size")).isEqualTo(TestBackups.files(tmp.resolve("again")).get("HomeDomain/Library/SMS/sms.db").length);
            assertThat(sms.metadata().longValue("Birth")).isEqualTo(1717236000L);
            assertThat(sms.metadata().longValue("ProtectionClass")).isEqualTo(3L);
            assertThat(sms.metadata().has("EncryptionKey")).isFalse();
            assertThat(manifest.find("HomeDomain", "Library/SMS")).singleElement()
                    .satisfies(d -> assertThat(d.flags()).isEqualTo(2L));
            assertThat(manifest.find("MediaDomain", "")).singleElement().satisfies(d -> assertThat(d.flags()).isEqualTo(2L));
        }
    }

    @Test
    void opensIos10_0BackupsWhoseManifestIsInTheClearButFilesAreNot() throws Exception {
        Map<String, byte[]> files = TestBackups.files(tmp);
        Path backup = TestBackups.write(tmp.resolve("ios10"), files, TestBackups.fast().legacy());
        assertThat(new String(Files.readAllBytes(backup.resolve("Manifest.db")), 0, 15, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("SQLite format 3");
        assertThatThrownBy(() -> IosBackups.open(backup)).hasMessageContaining("is encrypted");
        try (Extraction x = IosBackups.open(backup, PasswordSource.of(PASSWORD.toCharArray()))) {
            assertThat(read(x, TestBackups.storedPath("MediaDomain/Media/big.bin"))).isEqualTo(files.get("MediaDomain/Media/big.bin"));
        }
    }

    @Test
    void derivesTheKeyTheIos10_2WayWithModestIterationCounts() throws Exception {
        Map<String, byte[]> files = TestBackups.files(tmp);
        BackupEncryption realScheme = BackupEncryption.withPassword("contraseña".toCharArray()).iterations(500, 2_000);
        Path backup = TestBackups.write(tmp.resolve("ios17"), files, realScheme);
        try (Extraction x = IosBackups.open(backup, PasswordSource.of("contraseña".toCharArray()))) {
            assertThat(read(x, TestBackups.storedPath("AppDomain-net.example.app/Documents/notes.txt"))).asString().isEqualTo("call me at 10");
        }
    }

    @Test
    void aWrongPasswordIsOneClearLine() throws Exception {
        Path backup = TestBackups.write(tmp.resolve("enc"), TestBackups.files(tmp), TestBackups.fast());
        assertThatThrownBy(() -> IosBackups.open(backup, PasswordSource.of("not it".toCharArray())))
                .isInstanceOf(CotejoException.class)
                .hasMessage("wrong password for the encrypted backup " + backup.toAbsolutePath().normalize())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingPasswordSaysHowToGiveIt() throws Exception {
        Path backup = TestBackups.write(tmp.resolve("enc"), TestBackups.files(tmp), TestBackups.fast());
        assertThatThrownBy(() -> IosBackups.open(backup))
                .isInstanceOf(CotejoException.class)
                .hasMessage("the backup " + backup.toAbsolutePath().normalize() + " is encrypted; give its password with --password-file, "
                        + "the COTEJO_BACKUP_PASSWORD environment variable, or at the prompt");
    }

    @Test
    void theWorkAreaIsRemovedOnCloseEvenWhenAReadFailsMidway() throws Exception {
        Path backup = TestBackups.write(tmp.resolve("enc"), TestBackups.files(tmp), TestBackups.fast());
        Path[] work = new Path[1];
        assertThatThrownBy(() -> {
            try (Extraction x = IosBackups.open(backup, PasswordSource.of(PASSWORD.toCharArray()))) {
                work[0] = x.work().root();
                assertThat(Files.list(work[0]).count()).isPositive(); // the decrypted Manifest.db lives here
                try (InputStream in = x.tree().open(x.tree().entry(TestBackups.storedPath("MediaDomain/Media/big.bin")).orElseThrow())) {
                    in.readNBytes(1000);
                    throw new IllegalStateException("analysis failed halfway");
                }
            }
        }).hasMessage("analysis failed halfway");
        assertThat(work[0]).doesNotExist();
    }

    @Test
    void aDamagedStoredFileIsAnErrorNamingItWhileTheOthersStillRead() throws Exception {
        Map<String, byte[]> files = TestBackups.files(tmp);
        Path backup = TestBackups.write(tmp.resolve("enc"), files, TestBackups.fast());
        Path big = backup.resolve(TestBackups.storedPath("MediaDomain/Media/big.bin"));
        Files.write(big, java.util.Arrays.copyOf(Files.readAllBytes(big), 1000));
        try (Extraction x = IosBackups.open(backup, PasswordSource.of(PASSWORD.toCharArray()))) {
            assertThatThrownBy(() -> read(x, TestBackups.storedPath("MediaDomain/Media/big.bin")))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(TestBackups.storedPath("MediaDomain/Media/big.bin") + " (Media/big.bin)")
                    .hasMessageContaining("1000 stored bytes are not whole AES blocks");
            assertThat(read(x, TestBackups.storedPath("AppDomain-net.example.app/Documents/notes.txt"))).asString().isEqualTo("call me at 10");
        }
    }

    @Test
    void aBackupFolderGivenByItsParentIsFound() throws Exception {
        TestBackups.write(tmp.resolve("parent/00008101-000A1B2C3D4E001E"), TestBackups.files(tmp), TestBackups.fast());
        try (Extraction x = IosBackups.open(tmp.resolve("parent"), PasswordSource.of(PASSWORD.toCharArray()))) {
            assertThat(x.service(BackupManifest.class).orElseThrow().find(null, "Library/SMS/sms.db")).hasSize(1);
        }
    }

    @Test
    void rowsStillInTheManifestsWriteAheadLogAreRead() throws Exception {
        Path written = TestBackups.write(tmp.resolve("plain"), TestBackups.files(tmp), null);
        Path withWal = Files.createDirectories(tmp.resolve("with-wal"));
        for (String f : List.of("Info.plist", "Manifest.plist", "Status.plist")) Files.copy(written.resolve(f), withWal.resolve(f));
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + written.resolve("Manifest.db"));
             var s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("INSERT INTO Files (fileID, domain, relativePath, flags) VALUES ('00aa', 'HomeDomain', 'Library/only-in-wal', 1)");
            // copied while the connection is open, as a phone or iTunes may leave it: the new row is only in the -wal file
            for (String f : List.of("Manifest.db", "Manifest.db-wal", "Manifest.db-shm")) Files.copy(written.resolve(f), withWal.resolve(f));
        }
        try (Extraction x = IosBackups.open(withWal)) {
            assertThat(x.service(BackupManifest.class).orElseThrow().find("HomeDomain", "Library/only-in-wal")).hasSize(1);
        }
    }

    static byte[] read(Extraction x, String path) throws IOException {
        try (InputStream in = x.tree().open(x.tree().entry(path).orElseThrow(() -> new AssertionError("no " + path)))) {
            return in.readAllBytes();
        }
    }

    static List<String> present(Extraction x, Map<String, byte[]> files) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (String f : files.keySet()) if (x.tree().entry(TestBackups.storedPath(f)).isPresent()) out.add(f);
        return out;
    }
}
