package org.cotejo.forensics.ios.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourceTest {
    @TempDir Path tmp;
    private final Path backup = Path.of("/cases/a/backup");

    @Test
    void aPasswordFileGivesItsTextWithoutTheLineBreak() throws Exception {
        Files.writeString(tmp.resolve("pw"), " contraseña con espacios \r\n", StandardCharsets.UTF_8);
        assertThat(PasswordSource.fromFile(tmp.resolve("pw")).password(backup)).containsExactly(" contraseña con espacios ".toCharArray());
        Files.writeString(tmp.resolve("pw2"), "two\n\n", StandardCharsets.UTF_8);
        assertThat(PasswordSource.fromFile(tmp.resolve("pw2")).password(backup)).containsExactly("two\n".toCharArray());
    }

    @Test
    void aMissingEmptyOrNonUtf8PasswordFileIsAUserErrorNamingIt() throws Exception {
        assertThatThrownBy(() -> PasswordSource.fromFile(tmp.resolve("nope")).password(backup))
                .isInstanceOf(CotejoException.class).hasMessageStartingWith("cannot read the password file " + tmp.resolve("nope"));
        Files.writeString(tmp.resolve("empty"), "\n");
        assertThatThrownBy(() -> PasswordSource.fromFile(tmp.resolve("empty")).password(backup)).hasMessage("the password file " + tmp.resolve("empty") + " is empty");
        Files.write(tmp.resolve("latin1"), new byte[] {'a', (byte) 0xf1, 'o'});
        assertThatThrownBy(() -> PasswordSource.fromFile(tmp.resolve("latin1")).password(backup)).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void theEnvironmentVariableIsUsedWhenSetAndNotEmpty() {
        assertThat(PasswordSource.fromEnvironment(Map.of("COTEJO_BACKUP_PASSWORD", "s3cret")).password(backup)).containsExactly("s3cret".toCharArray());
        assertThat(PasswordSource.fromEnvironment(Map.of("COTEJO_BACKUP_PASSWORD", "")).password(backup)).isNull();
        assertThat(PasswordSource.fromEnvironment(Map.of()).password(backup)).isNull();
    }

    @Test
    void withoutAConsoleThePromptHasNoPassword() {
        assertThat(PasswordSource.prompt(null).password(backup)).isNull();
    }

    @Test
    void theFirstSourceWithAPasswordWins() {
        PasswordSource chain = PasswordSource.first(PasswordSource.none(), PasswordSource.fromEnvironment(Map.of()),
                PasswordSource.of("from memory".toCharArray()), b -> { throw new AssertionError("not asked"); });
        assertThat(chain.password(backup)).containsExactly("from memory".toCharArray());
        assertThat(PasswordSource.first(PasswordSource.none()).password(backup)).isNull();
    }

    @Test
    void theCommandLinePrefersItsPasswordFile() throws Exception {
        Files.writeString(tmp.resolve("pw"), "from file\n");
        assertThat(PasswordSource.forCommandLine(tmp.resolve("pw"), null).password(backup)).containsExactly("from file".toCharArray());
    }

    @Test
    void aPasswordGivenInMemoryIsCopiedSoTheCallerMayZeroIt() {
        char[] given = "abc".toCharArray();
        PasswordSource s = PasswordSource.of(given);
        java.util.Arrays.fill(given, '\0');
        char[] first = s.password(backup);
        java.util.Arrays.fill(first, '\0');
        assertThat(s.password(backup)).containsExactly('a', 'b', 'c');
    }
}
