package org.cotejo.forensics.android.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus' real backups, written by Android devices (skipped without COTEJO_CORPUS). */
class AndroidBackupCorpusTest {
    static final String D_F = "apps/com.android.providers.telephony/d_f/";
    static final PasswordSource PASSWORD = PasswordSource.of(AndroidCorpus.PASSWORD.toCharArray());

    @TempDir Path dir;

    @Test
    void plainVersion1BackupHoldsTheSmsAndMmsBackups() throws Exception {
        Path ab = AndroidCorpus.artifact("android_backup/backup.ab");
        try (Extraction x = AndroidBackups.open(ab, AndroidBackupFileTest.NEVER_ASKED)) {
            AndroidBackupHeader h = x.service(AndroidBackupHeader.class).orElseThrow();
            assertThat(h.version()).isEqualTo(1);
            assertThat(h.compressed()).isTrue();
            assertThat(h.encrypted()).isFalse();
            assertThat(files(x)).containsExactly(D_F + "000000_sms_backup", D_F + "000001_mms_backup");
        }
    }

    @Test
    void plainVersion5BackupHoldsTheSmsBackupAndTheManifest() throws Exception {
        Path ab = AndroidCorpus.artifact("android_backup/backup3.ab");
        try (Extraction x = AndroidBackups.open(ab, AndroidBackupFileTest.NEVER_ASKED)) {
            AndroidBackupHeader h = x.service(AndroidBackupHeader.class).orElseThrow();
            assertThat(h.version()).isEqualTo(5);
            assertThat(h.compressed()).isTrue();
            assertThat(h.encrypted()).isFalse();
            assertThat(files(x)).containsExactly("apps/com.android.providers.telephony/_manifest", D_F + "000000_sms_backup");
        }
    }

    @Test
    void encryptedBackupsOpenWithTheirPassword() throws Exception {
        for (String name : List.of("android_backup/backup2.ab", "androidqf_encrypted/backup.ab")) {
            Path ab = AndroidCorpus.artifact(name);
            try (Extraction x = AndroidBackups.open(ab, PASSWORD)) {
                AndroidBackupHeader h = x.service(AndroidBackupHeader.class).orElseThrow();
                assertThat(h.version()).as(name).isEqualTo(5);
                assertThat(h.compressed()).as(name).isFalse();
                assertThat(h.encryption().rounds()).as(name).isEqualTo(10_000);
                assertThat(h.encryption().userSalt()).as(name).hasSize(64);
                assertThat(files(x)).as(name).contains(D_F + "000000_sms_backup");
            }
        }
    }

    @Test
    void wrongPasswordFailsWithItsMessageAndLeavesNothingInTheWorkArea() throws Exception {
        Path qf = AndroidCorpus.artifact("androidqf_encrypted");
        try (FolderTree outer = new FolderTree(qf); WorkArea work = WorkArea.create()) {
            FileEntry entry = outer.entry("backup.ab").orElseThrow();
            assertThatThrownBy(() -> AndroidBackups.nested(outer, entry, work, PasswordSource.of("654321".toCharArray())))
                    .hasMessage("wrong password for backup.ab in " + outer.describe() + " (the master-key checksum does not match)");
            try (Stream<Path> left = Files.walk(work.root())) {
                assertThat(left.filter(p -> !p.equals(work.root())).toList()).isEmpty();
            }
        }
        Path ab = AndroidCorpus.artifact("android_backup/backup2.ab");
        assertThatThrownBy(() -> AndroidBackups.open(ab, PasswordSource.of("654321".toCharArray())))
                .hasMessage("wrong password for " + ab + " (the master-key checksum does not match)");
    }

    @Test
    void androidQfBackupOpensNestedFromItsCollection() throws Exception {
        Path qf = AndroidCorpus.artifact("androidqf");
        try (FolderTree outer = new FolderTree(qf); WorkArea work = WorkArea.create();
             Extraction x = AndroidBackups.nested(outer, outer.entry("backup.ab").orElseThrow(), work, AndroidBackupFileTest.NEVER_ASKED)) {
            assertThat(files(x)).containsExactly(D_F + "000000_sms_backup", D_F + "000001_mms_backup");
        }
    }

    @Test
    void decryptedCorpusBackupIsTheSameTarAsTheExtractedFolder() throws Exception {
        Path ab = AndroidCorpus.artifact("android_backup/backup2.ab");
        AndroidBackups.Decrypted d = AndroidBackups.decrypt(ab, PASSWORD, dir.resolve("backup2.tar"));
        assertThat(d.bytes()).isEqualTo(Files.size(d.tar())).isPositive();
        assertThat(d.header().version()).isEqualTo(5);
        try (Extraction folder = AndroidBackups.open(AndroidCorpus.artifact("android_backup"), AndroidBackupFileTest.NEVER_ASKED);
             Extraction decrypted = AndroidBackups.open(ab, PASSWORD)) {
            FileEntry sms = decrypted.tree().entry(D_F + "000000_sms_backup").orElseThrow();
            FileEntry same = folder.tree().entry(D_F + "000000_sms_backup").orElseThrow();
            assertThat(decrypted.tree().sha256(sms)).isEqualTo(folder.tree().sha256(same));
        }
    }

    static List<String> files(Extraction x) throws Exception {
        List<String> out = new ArrayList<>();
        x.tree().walk(e -> {
            if (e.isFile()) out.add(e.path());
        });
        return out;
    }
}
