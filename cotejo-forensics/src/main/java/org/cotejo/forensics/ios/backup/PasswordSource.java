package org.cotejo.forensics.ios.backup;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;

/**
 * Where the password of an encrypted backup comes from. It is asked for only when the backup turns out
 * to be encrypted. The caller owns the returned array and zeroes it once the key is derived.
 */
@FunctionalInterface
public interface PasswordSource {
    /** The environment variable {@link #fromEnvironment()} reads. */
    String ENVIRONMENT_VARIABLE = "COTEJO_BACKUP_PASSWORD";

    /** Largest password file read (a password file holds one line). */
    int MAX_FILE_BYTES = 64 * 1024;

    /**
     * The password for the backup at {@code backup} (named in a prompt), or null when this source has none.
     *
     * @throws CotejoException when the source exists but cannot be read (a missing password file)
     */
    char[] password(Path backup);

    /** No password: an encrypted backup is then refused with a message saying how to give one. */
    static PasswordSource none() {
        return backup -> null;
    }

    /** A password held in memory (tests, the simulator); each call returns a fresh copy. */
    static PasswordSource of(char[] password) {
        char[] kept = password.clone();
        return backup -> kept.clone();
    }

    /**
     * The contents of a file, without one trailing line break (CRLF or LF). A file that cannot be read,
     * is empty, is not UTF-8 or is over {@link #MAX_FILE_BYTES} is a user error naming it.
     */
    static PasswordSource fromFile(Path file) {
        return backup -> {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            } catch (IOException e) {
                throw new CotejoException("cannot read the password file " + file + ": " + e.getMessage());
            }
            try {
                if (bytes.length > MAX_FILE_BYTES) throw new CotejoException("the password file " + file + " is over " + MAX_FILE_BYTES + " bytes: it should hold one line");
                int end = bytes.length;
                if (end > 0 && bytes[end - 1] == '\n') end--;
                if (end > 0 && bytes[end - 1] == '\r') end--;
                if (end == 0) throw new CotejoException("the password file " + file + " is empty");
                return utf8(bytes, end, "the password file " + file);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        };
    }

    /** The {@value #ENVIRONMENT_VARIABLE} environment variable, when set and not empty. */
    static PasswordSource fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The {@value #ENVIRONMENT_VARIABLE} entry of {@code environment} (for tests and embedding). */
    static PasswordSource fromEnvironment(Map<String, String> environment) {
        return backup -> {
            String v = environment.get(ENVIRONMENT_VARIABLE);
            return v == null || v.isEmpty() ? null : v.toCharArray();
        };
    }

    /** Asks on the console without echo; none when there is no console or the answer is empty. */
    static PasswordSource prompt(Console console) {
        return backup -> {
            if (console == null) return null;
            char[] p = console.readPassword("Password of the encrypted backup %s: ", backup);
            if (p != null && p.length == 0) return null;
            return p;
        };
    }

    /** The first source that has a password, tried in order (e.g. file, environment, prompt). */
    static PasswordSource first(PasswordSource... sources) {
        List<PasswordSource> list = List.of(sources);
        return backup -> {
            for (PasswordSource s : list) {
                char[] p = s.password(backup);
                if (p != null) return p;
            }
            return null;
        };
    }

    /**
     * What the command line uses: the {@code --password-file} when one is given, else the
     * {@value #ENVIRONMENT_VARIABLE} environment variable, else a prompt on {@code console} (null: none).
     */
    static PasswordSource forCommandLine(Path passwordFile, Console console) {
        return passwordFile != null ? fromFile(passwordFile) : first(fromEnvironment(), prompt(console));
    }

    /** The password as UTF-8 bytes, as the key derivation takes it; the caller zeroes both arrays. */
    static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    private static char[] utf8(byte[] bytes, int length, String what) {
        try {
            CharBuffer c = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            char[] out = new char[c.remaining()];
            c.get(out);
            if (c.hasArray()) Arrays.fill(c.array(), '\0');
            return out;
        } catch (CharacterCodingException e) {
            throw new CotejoException(what + " is not UTF-8 text");
        }
    }
}
