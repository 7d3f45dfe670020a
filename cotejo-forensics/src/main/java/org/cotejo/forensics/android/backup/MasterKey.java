package org.cotejo.forensics.android.backup;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.forensics.ios.backup.crypto.Pbkdf2;

/**
 * The key that encrypts an Android backup's payload, unwrapped with the user's password (behaviour doc
 * §8.5): the password gives the user key (PBKDF2-HMAC-SHA1, 32 bytes), the user key decrypts the
 * master-key blob (AES-256-CBC), and the blob's checksum, a second PBKDF2 over the master key, proves
 * the password right. Only the JDK's own crypto is used.
 *
 * @param key the 32-byte AES-256 key of the payload
 * @param iv  the payload's CBC IV
 */
record MasterKey(byte[] key, byte[] iv) {

    /**
     * Unwraps the master key with {@code password} (not kept: the caller zeroes it).
     *
     * @throws CotejoException "wrong password for …" when the blob does not decode or its checksum does not match
     */
    static MasterKey unlock(AndroidBackupHeader header, char[] password, String name) {
        AndroidBackupHeader.Encryption e = header.encryption();
        byte[] pw = PasswordSource.utf8(password);
        byte[] userKey = null;
        byte[] blob = null;
        try {
            userKey = Pbkdf2.hmacSha1(pw, e.userSalt(), e.rounds(), 32);
            // The blob was encrypted with PKCS#7 padding; the length prefixes say where each part ends, so
            // it is decrypted without unpadding (a wrong key then fails on the checksum, not on the padding).
            blob = aes("AES/CBC/NoPadding", userKey, e.userIv()).doFinal(e.masterKeyBlob());
            int at = 0;
            int ivLength = blob[at++] & 0xff;
            if (ivLength != 16 || at + ivLength + 1 > blob.length) throw wrongPassword(name);
            byte[] iv = Arrays.copyOfRange(blob, at, at + ivLength);
            at += ivLength;
            int keyLength = blob[at++] & 0xff;
            if (keyLength != 32 || at + keyLength + 1 > blob.length) throw wrongPassword(name);
            byte[] key = Arrays.copyOfRange(blob, at, at + keyLength);
            at += keyLength;
            int checksumLength = blob[at++] & 0xff;
            if (checksumLength == 0 || at + checksumLength > blob.length) throw wrongPassword(name);
            byte[] checksum = Arrays.copyOfRange(blob, at, at + checksumLength);
            byte[] keyForChecksum = checksumInput(key, header.version());
            byte[] computed = Pbkdf2.hmacSha1(keyForChecksum, e.checksumSalt(), e.rounds(), checksumLength);
            Arrays.fill(keyForChecksum, (byte) 0);
            if (!MessageDigest.isEqual(computed, checksum)) {
                Arrays.fill(key, (byte) 0);
                throw wrongPassword(name);
            }
            return new MasterKey(key, iv);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-256-CBC is part of every Java runtime", ex);
        } finally {
            Arrays.fill(pw, (byte) 0);
            if (userKey != null) Arrays.fill(userKey, (byte) 0);
            if (blob != null) Arrays.fill(blob, (byte) 0);
        }
    }

    /**
     * The bytes the checksum is derived from. Version 1 uses the master key as it is. From version 2 on,
     * Android passes the key to a PBKDF2 that takes characters: each signed byte becomes a char
     * (sign-extended, so 0x80..0xFF become U+FF80..U+FFFF), and the characters are then encoded as UTF-8.
     * Bytes below 0x80 stay one byte; each other byte b becomes the three bytes EF, BC|(b>>6 &amp; 3F),
     * 80|(b &amp; 3F). This is reproduced byte for byte, or no backup from Android 4.4 on would open.
     */
    static byte[] checksumInput(byte[] masterKey, int version) {
        if (version == 1) return masterKey.clone();
        int extra = 0;
        for (byte b : masterKey) if (b < 0) extra += 2;
        byte[] out = new byte[masterKey.length + extra];
        int i = 0;
        for (byte b : masterKey) {
            int v = b & 0xff;
            if (v < 0x80) {
                out[i++] = b;
            } else {
                out[i++] = (byte) 0xEF;
                out[i++] = (byte) (0xBC | ((v >> 6) & 0x3F));
                out[i++] = (byte) (0x80 | (v & 0x3F));
            }
        }
        return out;
    }

    /** A cipher of the payload: AES-256-CBC with PKCS#7 padding under the master key. */
    Cipher payloadCipher() {
        try {
            return aes("AES/CBC/PKCS5Padding", key, iv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is part of every Java runtime", e);
        }
    }

    void destroy() {
        Arrays.fill(key, (byte) 0);
    }

    private static Cipher aes(String transformation, byte[] key, byte[] iv) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(transformation);
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return c;
    }

    private static CotejoException wrongPassword(String name) {
        return new CotejoException("wrong password for " + name + " (the master-key checksum does not match)");
    }
}
