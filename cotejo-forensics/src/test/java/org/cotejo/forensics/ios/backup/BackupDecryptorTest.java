package org.cotejo.forensics.ios.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cotejo.forensics.ios.backup.TestBackups.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.core.Hashing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupDecryptorTest {
    @TempDir Path tmp;
    private Map<String, byte[]> files;
    private Path backup;
    private PasswordSource password;

    @BeforeEach
    void encryptedBackup() throws Exception {
        files = TestBackups.files(tmp.resolve("scratch"));
        backup = TestBackups.write(tmp.resolve("evidence/backup"), files, TestBackups.fast());
        password = PasswordSource.of(PASSWORD.toCharArray());
    }

    @Test
    void writesACompleteDecryptedCopyThatOpensAsAPlainBackupAndLeavesTheEvidenceAlone() throws Exception {
        Map<String, String> before = TestBackups.treeHashes(backup);
        Path out = tmp.resolve("decrypted");

        BackupDecryptor.Result r = BackupDecryptor.decrypt(backup, password, out);

        assertThat(TestBackups.treeHashes(backup)).isEqualTo(before);
        assertThat(r.folder()).isEqualTo(out);
        assertThat(r.files()).isEqualTo(files.size());
        assertThat(r.missing()).isZero();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertThat(out.resolve(TestBackups.storedPath(f.getKey()))).as(f.getKey()).hasBinaryContent(f.getValue());
        }
        for (String plist : List.of("Info.plist", "Status.plist")) {
            assertThat(out.resolve(plist)).hasSameBinaryContentAs(backup.resolve(plist));
        }
        assertThat(((com.dd.plist.NSDictionary) com.dd.plist.PropertyListParser.parse(out.resolve("Manifest.plist").toFile()))
                .objectForKey("IsEncrypted").toJavaObject()).isEqualTo(false);
        try (Extraction x = IosBackups.open(out)) {
            assertThat(x.tree()).isNotInstanceOf(EncryptedBackupTree.class);
            assertThat(BackupRoundTripTest.read(x, TestBackups.storedPath("AppDomain-net.example.app/Documents/notes.txt")))
                    .asString().isEqualTo("call me at 10");
            assertThat(x.service(BackupManifest.class).orElseThrow().find("HomeDomain", "Library/SMS/sms.db").get(0).metadata()
                    .longValue("Size")).isEqualTo(files.get("HomeDomain/Library/SMS/sms.db").length);
        }
    }

    @Test
    void theHashManifestGivesEveryFilesStoredAndDecryptedSha256() throws Exception {
        Path out = tmp.resolve("decrypted");
        BackupDecryptor.decrypt(backup, password, out);

        JsonNode json = new ObjectMapper().readTree(out.resolve(BackupDecryptor.HASH_MANIFEST).toFile());
        assertThat(json.get("backup").asText()).isEqualTo(backup.toRealPath().toString());
        List<String> paths = new ArrayList<>();
        for (JsonNode f : json.get("files")) {
            String path = f.get("path").asText();
            paths.add(path);
            assertThat(f.get("encrypted_sha256").asText()).as(path).isEqualTo(Hashing.sha256(Files.readAllBytes(backup.resolve(path))));
            assertThat(f.get("decrypted_sha256").asText()).as(path).isEqualTo(Hashing.sha256(Files.readAllBytes(out.resolve(path))));
        }
        assertThat(paths).startsWith("Info.plist", "Manifest.db", "Manifest.plist", "Status.plist").hasSize(4 + files.size());
        JsonNode sms = json.get("files").get(paths.indexOf(TestBackups.storedPath("HomeDomain/Library/SMS/sms.db")));
        assertThat(sms.get("domain").asText()).isEqualTo("HomeDomain");
        assertThat(sms.get("relative_path").asText()).isEqualTo("Library/SMS/sms.db");
        assertThat(sms.get("decrypted_sha256").asText()).isEqualTo(Hashing.sha256(files.get("HomeDomain/Library/SMS/sms.db")))
                .isNotEqualTo(sms.get("encrypted_sha256").asText());
        assertThat(json.get("missing")).isEmpty();
    }

    @Test
    void filesMissingFromAPartialBackupAreListedAsMissing() throws Exception {
        Files.delete(backup.resolve(TestBackups.storedPath("MediaDomain/Media/big.bin")));
        Path out = tmp.resolve("decrypted");

        BackupDecryptor.Result r = BackupDecryptor.decrypt(backup, password, out);

        assertThat(r.files()).isEqualTo(files.size() - 1);
        assertThat(r.missing()).isEqualTo(1);
        JsonNode missing = new ObjectMapper().readTree(out.resolve(BackupDecryptor.HASH_MANIFEST).toFile()).get("missing");
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).get("relative_path").asText()).isEqualTo("Media/big.bin");
        assertThat(out.resolve(TestBackups.storedPath("MediaDomain/Media/big.bin"))).doesNotExist();
    }

    @Test
    void aFileIdThatWouldEscapeTheCopyIsSkippedAndListed() throws Exception {
        // iOS 10.0 layout: Manifest.db is in the clear, so a hostile row can be added in place
        Path ios10 = TestBackups.write(tmp.resolve("evidence/ios10"), files, TestBackups.fast().legacy());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ios10.resolve("Manifest.db"));
             var s = c.createStatement()) {
            s.execute("INSERT INTO Files (fileID, domain, relativePath, flags) VALUES ('../../escape', 'HomeDomain', 'evil', 1)");
        }
        Path out = tmp.resolve("decrypted");

        BackupDecryptor.Result r = BackupDecryptor.decrypt(ios10, password, out);

        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.files()).isEqualTo(files.size());
        JsonNode skipped = new ObjectMapper().readTree(out.resolve(BackupDecryptor.HASH_MANIFEST).toFile()).get("skipped");
        assertThat(skipped.get(0).get("file_id").asText()).isEqualTo("../../escape");
        assertThat(tmp.resolve("escape")).doesNotExist();
        assertThat(out.resolve(TestBackups.storedPath("MediaDomain/Media/big.bin"))).hasBinaryContent(files.get("MediaDomain/Media/big.bin"));
        try (Extraction x = IosBackups.open(out)) {
            assertThat(x.tree()).as("an iOS 10.0 copy opens as plain, without a password").isNotInstanceOf(EncryptedBackupTree.class);
            assertThat(BackupRoundTripTest.read(x, TestBackups.storedPath("AppDomain-net.example.app/Documents/notes.txt")))
                    .asString().isEqualTo("call me at 10");
        }
    }

    @Test
    void refusesAnOutputFolderInsideTheEvidenceOrNotEmpty() throws Exception {
        assertThatThrownBy(() -> BackupDecryptor.decrypt(backup, password, backup.resolve("decrypted")))
                .isInstanceOf(CotejoException.class).hasMessageContaining("is inside the backup");
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> BackupDecryptor.decrypt(backup, password, full))
                .isInstanceOf(CotejoException.class).hasMessageContaining("is not empty");
        assertThat(full.resolve("keep.txt")).hasContent("mine");
        assertThat(backup.resolve("decrypted")).doesNotExist();
    }

    @Test
    void anEmptyOutputFolderIsFilled() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        BackupDecryptor.decrypt(backup, password, empty);
        assertThat(empty.resolve("Manifest.db")).exists();
    }

    @Test
    void aFailureMidwayLeavesNoOutputFolderAndNoPartialOne() throws Exception {
        // files are decrypted in file-id order: damage the last, so the others were written when it fails
        Path damaged = backup.resolve(lastStoredFile());
        Files.write(damaged, java.util.Arrays.copyOf(Files.readAllBytes(damaged), 17));
        Path out = tmp.resolve("decrypted");

        assertThatThrownBy(() -> BackupDecryptor.decrypt(backup, password, out))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("cannot decrypt " + lastStoredFile())
                .hasMessageContaining("no decrypted copy was written");
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("scratch", "evidence");
        }
    }

    @Test
    void aPlainBackupHasNothingToDecrypt() throws Exception {
        Path plain = TestBackups.write(tmp.resolve("plain"), files, null);
        assertThatThrownBy(() -> BackupDecryptor.decrypt(plain, PasswordSource.none(), tmp.resolve("out")))
                .isInstanceOf(CotejoException.class).hasMessageContaining("is not encrypted");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    /** The stored file decrypted last (highest file id), so that others were written before it fails. */
    private String lastStoredFile() {
        return files.keySet().stream().map(TestBackups::storedPath).max(String::compareTo).orElseThrow();
    }
}
