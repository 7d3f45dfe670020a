package org.cotejo.forensics.android.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.evidence.ArchiveLimits;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AndroidBackupsTest {
    static final String SMS = AndroidBackupFileTest.SMS;
    static final byte[] JSON = "[{\"body\":\"hi\"}]".getBytes(StandardCharsets.UTF_8);
    static final PasswordSource PW = PasswordSource.of("s3cret".toCharArray());

    @TempDir Path dir;

    @Test
    void encryptedBackupOpensAsTheTarInsideAndItsCopyGoesWhenClosed() throws Exception {
        Path ab = AndroidBackupWriter.backup().encrypted("s3cret", 1000).file("apps/com.example/_manifest", new byte[3])
                .file(SMS, JSON).write(dir.resolve("backup.ab"));
        Path tar;
        try (Extraction x = AndroidBackups.open(ab, PW)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.ANDROID_BACKUP);
            assertThat(x.origin()).isEqualTo(ab);
            assertThat(x.service(AndroidBackupHeader.class)).get().satisfies(h -> assertThat(h.encrypted()).isTrue());
            assertThat(x.tree().glob("apps/com.android.providers.telephony/d_f/*_sms_backup")).extracting(FileEntry::path).containsExactly(SMS);
            try (InputStream in = x.tree().open(x.tree().entry(SMS).orElseThrow())) {
                assertThat(in.readAllBytes()).isEqualTo(JSON);
            }
            tar = x.service(ArchiveTree.class).orElseThrow().archive();
            assertThat(tar).startsWith(x.work().root()).exists();
            assertThat(ab.getParent()).isNotEqualTo(tar.getParent());
        }
        assertThat(tar).doesNotExist();
        try (Stream<Path> beside = Files.list(dir)) {
            assertThat(beside).containsExactly(ab); // nothing written beside the evidence
        }
    }

    @Test
    void tarEntriesEscapingTheTreeAreNotListedButReported() throws Exception {
        Path ab = AndroidBackupWriter.backup().file("../evil", new byte[] {1}).file(SMS, JSON).write(dir.resolve("backup.ab"));
        try (Extraction x = AndroidBackups.open(ab, PasswordSource.none())) {
            List<String> paths = new java.util.ArrayList<>();
            x.tree().walk(e -> paths.add(e.path()));
            assertThat(x.tree().entry("evil")).isEmpty();
            assertThat(x.tree().entry(SMS)).isPresent();
            assertThat(paths).noneMatch(p -> p.contains(".."));
            assertThat(x.service(ArchiveTree.class).orElseThrow().skipped()).singleElement()
                    .satisfies(s -> assertThat(s).contains("entry '../evil' skipped"));
        }
    }

    @Test
    void anExtractedBackupFolderOpensAsItIs() throws Exception {
        Path folder = dir.resolve("android_backup");
        Files.createDirectories(folder.resolve(SMS).getParent());
        Files.write(folder.resolve(SMS), JSON);
        try (Extraction x = AndroidBackups.open(folder, PasswordSource.none())) {
            assertThat(x.tree()).isInstanceOf(FolderTree.class);
            assertThat(x.tree().entry(SMS)).isPresent();
        }
        Path other = Files.createDirectories(dir.resolve("photos"));
        assertThatThrownBy(() -> AndroidBackups.open(other, PasswordSource.none()))
                .hasMessageStartingWith(other + " is not an extracted Android backup: it has no apps/ folder");
    }

    @Test
    void backupNestedInAnotherExtractionIsReadFromItsTree() throws Exception {
        Path qf = Files.createDirectories(dir.resolve("androidqf"));
        AndroidBackupWriter.backup().encrypted("s3cret", 1000).file(SMS, JSON).write(qf.resolve("backup.ab"));
        try (FolderTree outer = new FolderTree(qf); WorkArea work = WorkArea.create()) {
            FileEntry entry = outer.entry("backup.ab").orElseThrow();
            try (Extraction inner = AndroidBackups.nested(outer, entry, work, PW)) {
                assertThat(inner.kind()).isEqualTo(EvidenceKind.ANDROID_BACKUP);
                assertThat(inner.tree().entry(SMS)).isPresent();
                assertThat(inner.service(ArchiveTree.class).orElseThrow().archive()).startsWith(work.root());
            }
            assertThat(filesUnder(work.root())).as("the tar of a closed nested backup").isEmpty();
            assertThatThrownBy(() -> AndroidBackups.nested(outer, entry, work, PasswordSource.of("nope".toCharArray())))
                    .hasMessage("wrong password for backup.ab in folder " + qf.toRealPath() + " (the master-key checksum does not match)");
            assertThat(filesUnder(work.root())).as("what the failed open left in the work area").isEmpty();
        }
    }

    @Test
    void aBackupInflatingBeyondTheCapIsRefused() throws Exception {
        Path ab = AndroidBackupWriter.backup().file(SMS, new byte[200_000]).write(dir.resolve("bomb.ab"));
        ArchiveLimits tight = new ArchiveLimits(100_000, 1000, 1000, 1L << 30);
        assertThatThrownBy(() -> AndroidBackups.open(ab, PasswordSource.none(), tight))
                .hasMessageStartingWith(ab + " holds a tar of more than 100000 bytes (the cap); refusing it as a possible archive bomb");
        ArchiveLimits ratio = new ArchiveLimits(1L << 30, 1000, 10, 0);
        assertThatThrownBy(() -> AndroidBackups.open(ab, PasswordSource.none(), ratio))
                .hasMessageStartingWith(ab + " expands to more than 10 times its size");
    }

    @Test
    void decryptWritesTheTarAndSaysWhatItWrote() throws Exception {
        AndroidBackupWriter w = AndroidBackupWriter.backup().encrypted("s3cret", 1000).file(SMS, JSON);
        Path ab = w.write(dir.resolve("backup.ab"));
        Path out = Files.createDirectories(dir.resolve("out")).resolve("backup.tar");

        AndroidBackups.Decrypted d = AndroidBackups.decrypt(ab, PW, out);

        assertThat(Files.readAllBytes(out)).isEqualTo(w.tarBytes());
        assertThat(d.tar()).isEqualTo(out);
        assertThat(d.bytes()).isEqualTo(w.tarBytes().length);
        assertThat(d.tarSha256()).isEqualTo(Hashing.sha256(w.tarBytes()));
        assertThat(d.backupSha256()).isEqualTo(Hashing.sha256(Files.readAllBytes(ab)));
        assertThat(d.header().encrypted()).isTrue();
        assertThat(filesUnder(out.getParent())).containsExactly(out); // no partial file left over
    }

    @Test
    void decryptNeverOverwritesAndLeavesNothingOnAWrongPassword() throws Exception {
        Path ab = AndroidBackupWriter.backup().encrypted("s3cret", 1000).file(SMS, JSON).write(dir.resolve("backup.ab"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path existing = Files.writeString(out.resolve("taken.tar"), "keep me");

        assertThatThrownBy(() -> AndroidBackups.decrypt(ab, PW, existing))
                .hasMessage("the output " + existing + " already exists; Cotejo does not overwrite files: give a new file name");
        assertThat(existing).hasContent("keep me");
        assertThatThrownBy(() -> AndroidBackups.decrypt(ab, PW, ab))
                .hasMessage("the output " + ab + " is the backup itself; give a new file name for the tar");
        assertThatThrownBy(() -> AndroidBackups.decrypt(ab, PasswordSource.of("nope".toCharArray()), out.resolve("new.tar")))
                .hasMessageStartingWith("wrong password for " + ab);
        assertThat(filesUnder(out)).containsExactly(existing);
    }

    @Test
    void decryptOfADamagedPayloadLeavesNoPartialTar() throws Exception {
        byte[] bytes = AndroidBackupWriter.backup().encrypted("s3cret", 1000).file(SMS, new byte[50_000]).bytes();
        Path ab = Files.write(dir.resolve("cut.ab"), java.util.Arrays.copyOf(bytes, bytes.length - 5));
        Path out = Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(() -> AndroidBackups.decrypt(ab, PW, out.resolve("cut.tar")))
                .hasMessageStartingWith(ab + " is damaged: the encrypted payload does not decrypt");
        assertThat(filesUnder(out)).isEmpty();
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
