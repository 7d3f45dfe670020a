package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationKeyTest {
    @TempDir
    Path home;

    @Test
    void isCreatedOnFirstUseReadableByItsOwnerOnly() throws Exception {
        Path keys = home.resolve("keys");
        InstallationKey key = InstallationKey.open(keys);

        assertThat(key.file()).isEqualTo(keys.resolve("installation-ed25519.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.file()))).isEqualTo("rw-------");
        try (var left = Files.list(keys)) {
            assertThat(left).containsExactly(key.file()); // no temporary file stays behind
        }
    }

    @Test
    void isTheSameKeyEveryTimeAfterwards() {
        InstallationKey first = InstallationKey.open(home);
        InstallationKey again = InstallationKey.open(home);

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
    }

    @Test
    void firstUsesAtTheSameTimeAllEndWithTheSameKey() throws Exception {
        Path keys = home.resolve("keys");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<String> open = () -> InstallationKey.open(keys).keyId();
            Set<String> ids = new HashSet<>();
            for (Future<String> id : pool.invokeAll(Collections.nCopies(8, open))) ids.add(id.get());
            assertThat(ids).containsExactly(InstallationKey.open(keys).keyId());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keyIdIsTheSha256OfThePublicKeysX509Encoding() {
        InstallationKey key = InstallationKey.open(home);
        byte[] x509 = Base64.getDecoder().decode(key.publicKeyBase64());

        assertThat(key.keyId()).isEqualTo(Hashing.sha256(x509)).hasSize(64);
        assertThat(x509).hasSize(44); // Ed25519 SubjectPublicKeyInfo: 12 bytes of algorithm, 32 of key
    }

    @Test
    void signaturesVerifyWithThePublicKeyAndOnlyForTheSignedBytes() {
        InstallationKey key = InstallationKey.open(home);
        byte[] data = "entry hash".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(data);

        assertThat(signature).hasSize(64);
        assertThat(InstallationKey.verify(key.publicKeyBase64(), data, signature)).isTrue();
        assertThat(InstallationKey.verify(key.publicKeyBase64(), "entry hasH".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(InstallationKey.verify(InstallationKey.open(home.resolve("other")).publicKeyBase64(), data, signature)).isFalse();
        assertThat(InstallationKey.verify("not a key", data, signature)).isFalse();
    }

    @Test
    void aDamagedKeyFileIsAClearErrorAndIsNeverReplaced() throws Exception {
        Path file = InstallationKey.open(home).file();
        String text = Files.readString(file);
        int at = text.indexOf("private-pkcs8: ") + 30;
        String damaged = text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1);
        Files.writeString(file, damaged);

        assertThatThrownBy(() -> InstallationKey.open(home))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is damaged")
                .hasMessageContaining("Restore it from a backup");
        assertThat(Files.readString(file)).isEqualTo(damaged);
    }

    @Test
    void aTruncatedKeyFileIsAClearError() throws Exception {
        Path file = InstallationKey.open(home).file();
        Files.writeString(file, "# Cotejo installation key\n");

        assertThatThrownBy(() -> InstallationKey.open(home))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("is damaged: it lacks the 'private-pkcs8' or 'public-x509' line");
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWithTheCommandThatFixesIt() throws Exception {
        Path file = InstallationKey.open(home).file();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> InstallationKey.open(home))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("can be read by other users (mode rw-r--r--); run: chmod 600 " + file);
    }
}
