package org.cotejo.forensics.android.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes Android backups ({@code .ab}) the way Android's backup manager does, independently of the
 * reader: the four header lines, the five encryption lines, the master-key blob encrypted with PKCS#7
 * padding, and the checksum derived the way Android derives it — from version 2 on by handing the
 * master key's bytes to the JDK's character-based PBKDF2 as sign-extended chars (the reader instead
 * re-encodes the bytes itself), and for version 1 from the raw bytes. Master keys and IVs come from a
 * seeded random, so every backup written is the same byte for byte.
 */
public final class AndroidBackupWriter {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private byte[] tar;
    private int version = 5;
    private boolean compressed = true;
    private String password;
    private int rounds = 1000;
    private long seed = 42;

    public static AndroidBackupWriter backup() { return new AndroidBackupWriter(); }

    public AndroidBackupWriter version(int v) { this.version = v; return this; }

    public AndroidBackupWriter compressed(boolean c) { this.compressed = c; return this; }

    /** AES-256 with this password and {@code rounds} PBKDF2 iterations (real backups use 10,000). */
    public AndroidBackupWriter encrypted(String password, int rounds) {
        this.password = password;
        this.rounds = rounds;
        return this;
    }

    public AndroidBackupWriter seed(long s) { this.seed = s; return this; }

    /** A file of the tar, e.g. {@code apps/com.android.providers.telephony/d_f/000000_sms_backup}. */
    public AndroidBackupWriter file(String path, byte[] bytes) { files.put(path, bytes); return this; }

    /** The payload as a ready tar (or any bytes) instead of files. */
    public AndroidBackupWriter tar(byte[] bytes) { this.tar = bytes; return this; }

    /** The tar the backup holds: its files under their folders, written with commons-compress, names kept raw. */
    public byte[] tarBytes() throws IOException {
        if (tar != null) return tar;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey(), true);
                e.setSize(f.getValue().length);
                e.setModTime(1_645_543_781_000L);
                t.putArchiveEntry(e);
                t.write(f.getValue());
                t.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    public byte[] bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String flag = compressed ? "1" : "0";
        out.write((AndroidBackupHeader.MAGIC + "\n" + version + "\n" + flag + "\n" + (password == null ? "none" : "AES-256") + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] payload = tarBytes();
        if (compressed) payload = zlib(payload);
        if (password != null) {
            try {
                payload = encrypt(out, payload);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        out.write(payload);
        return out.toByteArray();
    }

    public Path write(Path file) throws IOException {
        Files.write(file, bytes());
        return file;
    }

    /** Writes the encryption header lines to {@code out} and returns the encrypted payload. */
    private byte[] encrypt(ByteArrayOutputStream out, byte[] payload) throws GeneralSecurityException, IOException {
        Random random = new Random(seed);
        byte[] userSalt = bytes(random, 64);
        byte[] checksumSalt = bytes(random, 64);
        byte[] userIv = bytes(random, 16);
        byte[] masterIv = bytes(random, 16);
        byte[] masterKey = bytes(random, 32);
        masterKey[0] = (byte) 0xC3; // at least one byte above 0x7F, so the version-dependent checksum encoding matters
        byte[] userKey = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                .generateSecret(new PBEKeySpec(password.toCharArray(), userSalt, rounds, 256)).getEncoded();
        byte[] checksum = checksum(masterKey, checksumSalt);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.write(masterIv.length);
        blob.write(masterIv);
        blob.write(masterKey.length);
        blob.write(masterKey);
        blob.write(checksum.length);
        blob.write(checksum);
        byte[] wrapped = aes(userKey, userIv).doFinal(blob.toByteArray());
        HexFormat hex = HexFormat.of().withUpperCase();
        out.write((hex.formatHex(userSalt) + "\n" + hex.formatHex(checksumSalt) + "\n" + rounds + "\n" + hex.formatHex(userIv) + "\n"
                + hex.formatHex(wrapped) + "\n").getBytes(StandardCharsets.US_ASCII));
        return aes(masterKey, masterIv).doFinal(payload);
    }

    private byte[] checksum(byte[] masterKey, byte[] salt) throws GeneralSecurityException {
        if (version == 1) return pbkdf2RawBytes(masterKey, salt, rounds);
        char[] chars = new char[masterKey.length];
        for (int i = 0; i < masterKey.length; i++) chars[i] = (char) masterKey[i]; // sign-extends, as Android's code does
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(new PBEKeySpec(chars, salt, rounds, 256)).getEncoded();
    }

    /** PBKDF2-HMAC-SHA1 over raw key bytes (32 bytes out), which no char-based key factory can take. */
    static byte[] pbkdf2RawBytes(byte[] password, byte[] salt, int rounds) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(password, "HmacSHA1"));
        byte[] out = new byte[32];
        for (int block = 1, done = 0; done < out.length; block++) {
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, (byte) block});
            byte[] t = u.clone();
            for (int i = 1; i < rounds; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < t.length; j++) t[j] ^= u[j];
            }
            int n = Math.min(t.length, out.length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        return out;
    }

    private static Cipher aes(byte[] key, byte[] iv) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return c;
    }

    static byte[] zlib(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out)) {
            d.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A file whose first line is not the magic: a text file someone named {@code .ab}. */
    public static byte[] wrongMagic() {
        return "ANDROID BAKCUP\n5\n1\nnone\n".getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@code ab} cut in the middle of header line {@code line}, counting all header lines from 1 (the magic)
     * to 9 (the master-key blob of an encrypted backup).
     */
    public static byte[] cutInsideLine(byte[] ab, int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            while (ab[start] != '\n') start++;
            start++;
        }
        int end = start;
        while (ab[end] != '\n') end++;
        return Arrays.copyOf(ab, start + Math.max(1, (end - start) / 2));
    }
}
