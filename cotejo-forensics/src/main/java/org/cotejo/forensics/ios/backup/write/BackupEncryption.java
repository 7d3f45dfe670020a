package org.cotejo.forensics.ios.backup.write;

import java.util.Objects;

/**
 * How a generated backup is encrypted. By default as iOS 10.2 and later do: the password goes through
 * PBKDF2-HMAC-SHA256 (DPIC iterations, 10,000,000 on phones) then PBKDF2-HMAC-SHA1 (ITER, 10,000), and
 * Manifest.db is encrypted with a ManifestKey. {@link #legacy()} writes the iOS 10.0/10.1 form instead:
 * one PBKDF2-HMAC-SHA1, Manifest.db in the clear, only the files encrypted. Tests use tiny iteration
 * counts (the format accepts any); {@code seed} makes the keys, and so the bytes written, reproducible.
 */
public record BackupEncryption(char[] password, long iterations, long doubleIterations, boolean legacyFormat, Long seed) {
    public BackupEncryption {
        Objects.requireNonNull(password, "password");
        if (password.length == 0) throw new IllegalArgumentException("an encrypted backup needs a non-empty password");
        if (iterations < 1 || (!legacyFormat && doubleIterations < 1)) throw new IllegalArgumentException("iteration counts start at 1");
        password = password.clone();
    }

    /** iOS's own counts (slow on purpose: about as long to open as a real backup). */
    public static BackupEncryption withPassword(char[] password) {
        return new BackupEncryption(password, 10_000, 10_000_000, false, null);
    }

    /** Other iteration counts: {@code iterations} for SALT/ITER, {@code doubleIterations} for DPSL/DPIC. */
    public BackupEncryption iterations(long iterations, long doubleIterations) {
        return new BackupEncryption(password, iterations, doubleIterations, legacyFormat, seed);
    }

    /** The iOS 10.0/10.1 form: single KDF, Manifest.db not encrypted. */
    public BackupEncryption legacy() {
        return new BackupEncryption(password, iterations, doubleIterations, true, seed);
    }

    /** Keys drawn from a seeded generator instead of SecureRandom, for reproducible fixtures. Never for real secrets. */
    public BackupEncryption seed(long seed) {
        return new BackupEncryption(password, iterations, doubleIterations, legacyFormat, seed);
    }

    @Override
    public char[] password() { return password.clone(); }

    @Override
    public String toString() {
        return "BackupEncryption[iterations=" + iterations + ", doubleIterations=" + doubleIterations + ", legacyFormat=" + legacyFormat + "]";
    }
}
