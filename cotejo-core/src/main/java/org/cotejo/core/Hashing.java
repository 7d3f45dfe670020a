package org.cotejo.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one hash of evidence, feeds, results and ledger entries; always lower-case hex. */
public final class Hashing {
    private static final int BUFFER = 1 << 16;

    private Hashing() {}

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Reads the stream to its end (without closing it). */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
        return HexFormat.of().formatHex(md.digest());
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /**
     * MD5 of the bytes, hex: only where a published format is defined by it (JA3 and JA3S fingerprints,
     * certificate fingerprints as feeds list them), never as an integrity hash.
     */
    public static String md5(byte[] bytes) {
        return HexFormat.of().formatHex(digest("MD5").digest(bytes));
    }

    /** SHA-1 of the bytes, hex: certificate fingerprints as feeds list them, never as an integrity hash. */
    public static String sha1(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-1").digest(bytes));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    /** Of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Of a file's bytes, streamed; a symbolic link is refused, never followed. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return sha256(in);
        }
    }
}
