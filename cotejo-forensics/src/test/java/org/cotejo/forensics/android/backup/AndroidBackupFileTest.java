package org.cotejo.forensics.android.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AndroidBackupFileTest {
    static final String SMS = "apps/com.android.providers.telephony/d_f/000000_sms_backup";
    static final PasswordSource NEVER_ASKED = backup -> {
        throw new AssertionError("the password of an unencrypted backup was asked for");
    };

    @TempDir Path dir;

    static Stream<Arguments> everyHeaderVariant() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int version = 1; version <= 5; version++) {
            for (boolean compressed : new boolean[] {false, true}) {
                for (boolean encrypted : new boolean[] {false, true}) b.add(Arguments.of(version, compressed, encrypted));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "version {0}, compressed {1}, encrypted {2}")
    @MethodSource("everyHeaderVariant")
    void readsTheTarOfEveryHeaderVariant(int version, boolean compressed, boolean encrypted) throws Exception {
        AndroidBackupWriter w = AndroidBackupWriter.backup().version(version).compressed(compressed)
                .file(SMS, "[{\"body\":\"hello\"}]".getBytes(StandardCharsets.UTF_8));
        if (encrypted) w.encrypted("correct horse", 1000);
        Path ab = w.write(dir.resolve("backup.ab"));

        try (AndroidBackupFile f = AndroidBackupFile.open(ab, encrypted ? PasswordSource.of("correct horse".toCharArray()) : NEVER_ASKED);
             InputStream tar = f.tarStream()) {
            assertThat(f.header().version()).isEqualTo(version);
            assertThat(f.header().compressed()).isEqualTo(compressed);
            assertThat(f.header().encrypted()).isEqualTo(encrypted);
            assertThat(tar.readAllBytes()).isEqualTo(w.tarBytes());
        }
    }

    @Test
    void encryptedHeaderKeepsItsKeyDerivationParameters() throws Exception {
        Path ab = AndroidBackupWriter.backup().encrypted("pw", 1234).file(SMS, new byte[10]).write(dir.resolve("b.ab"));
        try (AndroidBackupFile f = AndroidBackupFile.open(ab, PasswordSource.of("pw".toCharArray()))) {
            AndroidBackupHeader.Encryption e = f.header().encryption();
            assertThat(e.rounds()).isEqualTo(1234);
            assertThat(e.userSalt()).hasSize(64);
            assertThat(e.checksumSalt()).hasSize(64);
            assertThat(e.userIv()).hasSize(16);
            assertThat(f.header().describe()).isEqualTo("version 5, compressed, AES-256 (1234 PBKDF2 rounds)");
        }
    }

    @Test
    void checksumKeyEncodingIsJavasCharToUtf8ConversionForEveryByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        char[] chars = new char[256];
        for (int i = 0; i < 256; i++) chars[i] = (char) all[i];
        byte[] java = new String(chars).getBytes(StandardCharsets.UTF_8);

        assertThat(MasterKey.checksumInput(all, 2)).isEqualTo(java);
        assertThat(MasterKey.checksumInput(all, 5)).isEqualTo(java);
        assertThat(MasterKey.checksumInput(all, 1)).isEqualTo(all);
        assertThat(MasterKey.checksumInput(new byte[] {(byte) 0x80, (byte) 0xFF, 0x41}, 3))
                .containsExactly(0xEF, 0xBE, 0x80, 0xEF, 0xBF, 0xBF, 0x41);
    }

    @Test
    void wrongPasswordSaysTheChecksumDoesNotMatch() throws Exception {
        Path ab = AndroidBackupWriter.backup().encrypted("right", 1000).file(SMS, new byte[10]).write(dir.resolve("b.ab"));
        assertThatThrownBy(() -> AndroidBackupFile.open(ab, PasswordSource.of("wrong".toCharArray())))
                .isInstanceOf(CotejoException.class)
                .hasMessage("wrong password for " + ab + " (the master-key checksum does not match)");
    }

    @Test
    void version1ChecksumIsOverTheRawKeySoAVersionMixUpIsAWrongPassword() throws Exception {
        // a version-1 backup whose header claims version 2: the checksum no longer matches the key's encoding
        byte[] v1 = AndroidBackupWriter.backup().version(1).encrypted("pw", 1000).file(SMS, new byte[10]).bytes();
        byte[] claimsV2 = v1.clone();
        claimsV2[AndroidBackupHeader.MAGIC.length() + 1] = '2';
        Path ab = Files.write(dir.resolve("b.ab"), claimsV2);
        assertThatThrownBy(() -> AndroidBackupFile.open(ab, PasswordSource.of("pw".toCharArray())))
                .hasMessageContaining("wrong password for");
    }

    @Test
    void encryptedBackupWithoutPasswordSaysHowToGiveOne() throws Exception {
        Path ab = AndroidBackupWriter.backup().encrypted("pw", 1000).file(SMS, new byte[10]).write(dir.resolve("b.ab"));
        assertThatThrownBy(() -> AndroidBackupFile.open(ab, PasswordSource.none()))
                .hasMessage("the Android backup " + ab + " is encrypted; give its password with --password-file, the "
                        + "COTEJO_BACKUP_PASSWORD environment variable, or at the prompt");
    }

    @Test
    void fileWithAnotherFirstLineIsNotABackup() throws Exception {
        Path ab = Files.write(dir.resolve("notes.ab"), AndroidBackupWriter.wrongMagic());
        assertThatThrownBy(() -> AndroidBackupFile.open(ab, NEVER_ASKED))
                .hasMessage(ab + " is not an Android backup: the first line is 'ANDROID BAKCUP', expected 'ANDROID BACKUP'");
        Path empty = Files.write(dir.resolve("empty.ab"), new byte[0]);
        assertThatThrownBy(() -> AndroidBackupFile.open(empty, NEVER_ASKED)).hasMessage(empty + " is not an Android backup: it is empty");
        Path zip = Files.write(dir.resolve("zip.ab"), new byte[] {'P', 'K', 3, 4, 0x14, 0, 0, 0});
        assertThatThrownBy(() -> AndroidBackupFile.open(zip, NEVER_ASKED))
                .hasMessage(zip + " is not an Android backup: the first line is 'PK\\x03\\x04\\x14\\x00\\x00\\x00', expected 'ANDROID BACKUP'");
    }

    @Test
    void unsupportedVersionAndUnknownAlgorithmAreNamed() throws Exception {
        Path v6 = Files.write(dir.resolve("v6.ab"), "ANDROID BACKUP\n6\n1\nnone\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> AndroidBackupFile.open(v6, NEVER_ASKED))
                .hasMessage(v6 + " is an Android backup of format version '6' (line 2), which Cotejo does not read: it reads versions 1 to 5");
        Path des = Files.write(dir.resolve("des.ab"), "ANDROID BACKUP\n5\n1\nDES\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> AndroidBackupFile.open(des, NEVER_ASKED))
                .hasMessage(des + " is encrypted with 'DES' (line 4 of the header), which Cotejo does not know: Android backups are "
                        + "encrypted with 'AES-256' or not at all ('none')");
        Path flag = Files.write(dir.resolve("flag.ab"), "ANDROID BACKUP\n5\n2\nnone\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> AndroidBackupFile.open(flag, NEVER_ASKED))
                .hasMessage(flag + ": the compression flag (line 3 of the header) is '2', expected 0 or 1; the header is damaged");
    }

    @Test
    void truncatedHeadersSayWhichLineTheFileEndsIn() throws Exception {
        byte[] plain = AndroidBackupWriter.backup().file(SMS, new byte[10]).bytes();
        Path cut2 = Files.write(dir.resolve("cut2.ab"), AndroidBackupWriter.cutInsideLine(plain, 2));
        assertThatThrownBy(() -> AndroidBackupFile.open(cut2, NEVER_ASKED)).hasMessage(cut2 + " ends inside the header (line 2 of 4)");
        Path cut1 = Files.write(dir.resolve("cut1.ab"), AndroidBackupWriter.cutInsideLine(plain, 1));
        assertThatThrownBy(() -> AndroidBackupFile.open(cut1, NEVER_ASKED)).hasMessage(cut1 + " ends inside the header (line 1 of 4)");

        byte[] encrypted = AndroidBackupWriter.backup().encrypted("pw", 1000).file(SMS, new byte[10]).bytes();
        Path cut7 = Files.write(dir.resolve("cut7.ab"), AndroidBackupWriter.cutInsideLine(encrypted, 7));
        assertThatThrownBy(() -> AndroidBackupFile.open(cut7, PasswordSource.of("pw".toCharArray())))
                .hasMessage(cut7 + " ends inside the encryption header (line 3 of 5)");
    }

    @Test
    void damagedEncryptionLinesAreNamed() throws Exception {
        String head = "ANDROID BACKUP\n5\n1\nAES-256\n";
        Path salt = Files.write(dir.resolve("salt.ab"), (head + "ZZ\n").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> AndroidBackupFile.open(salt, NEVER_ASKED))
                .hasMessage(salt + ": line 1 of the encryption header (the user password salt) is not hexadecimal: 'ZZ'; the header is damaged");
        Path rounds = Files.write(dir.resolve("rounds.ab"), (head + "AA\nBB\n-5\n").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> AndroidBackupFile.open(rounds, NEVER_ASKED))
                .hasMessageContaining("line 3 of the encryption header (the PBKDF2 rounds) is '-5'");
        Path iv = Files.write(dir.resolve("iv.ab"), (head + "AA\nBB\n10\nCCDD\n").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> AndroidBackupFile.open(iv, NEVER_ASKED))
                .hasMessage(iv + ": the user key IV (line 4 of the encryption header) is 2 bytes, expected 16 (one AES block); the header is damaged");
    }

    @Test
    void corruptCompressedPayloadNamesTheByteOffset() throws Exception {
        byte[] ab = AndroidBackupWriter.backup().file(SMS, "x".repeat(5000).getBytes(StandardCharsets.US_ASCII)).bytes();
        int header = "ANDROID BACKUP\n5\n1\nnone\n".length();
        ab[header] = 0x00; // the zlib header's first byte: no longer a deflate stream
        Path bad = Files.write(dir.resolve("bad.ab"), ab);
        try (AndroidBackupFile f = AndroidBackupFile.open(bad, NEVER_ASKED); InputStream tar = f.tarStream()) {
            assertThatThrownBy(tar::readAllBytes).isInstanceOf(CotejoException.class)
                    .hasMessageStartingWith(bad + " is damaged: the compressed payload is corrupt or cut short near byte ")
                    .hasMessageContaining("(the header ends at byte " + header + "; 0 bytes of tar were read)");
        }
    }

    @Test
    void encryptedPayloadCutShortIsDamageNotAWrongPassword() throws Exception {
        byte[] ab = AndroidBackupWriter.backup().encrypted("pw", 1000).file(SMS, new byte[20_000]).bytes();
        Path cut = Files.write(dir.resolve("cut.ab"), Arrays.copyOf(ab, ab.length - 7));
        try (AndroidBackupFile f = AndroidBackupFile.open(cut, PasswordSource.of("pw".toCharArray())); InputStream tar = f.tarStream()) {
            assertThatThrownBy(tar::readAllBytes).isInstanceOf(CotejoException.class)
                    .hasMessageStartingWith(cut + " is damaged: the encrypted payload does not decrypt (it is cut short or corrupt) near byte "
                            + (ab.length - 7));
        }
    }
}
