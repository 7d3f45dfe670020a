package org.cotejo.forensics.ios.backup.crypto;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES key wrap (RFC 3394), as backups wrap their class keys (with the password-derived key), their
 * Manifest.db key and each file's key (with a class key). The JDK's "AES/KW/NoPadding" implements it,
 * including the integrity check on the 0xA6A6A6A6A6A6A6A6 initial value.
 */
public final class AesKeyWrap {
    private AesKeyWrap() {}

    /**
     * The key inside {@code wrapped} (8 bytes shorter).
     *
     * @throws GeneralSecurityException when the integrity check fails: {@code kek} is not the key it was wrapped with
     */
    public static byte[] unwrap(byte[] kek, byte[] wrapped) throws GeneralSecurityException {
        if (wrapped.length < 24 || wrapped.length % 8 != 0) {
            throw new GeneralSecurityException("a wrapped key is a multiple of 8 bytes, at least 24, not " + wrapped.length);
        }
        Cipher c = cipher();
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"));
        return c.doFinal(wrapped);
    }

    /** {@code key} wrapped with {@code kek} (8 bytes longer). */
    public static byte[] wrap(byte[] kek, byte[] key) {
        try {
            Cipher c = cipher();
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"));
            return c.doFinal(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot wrap a " + key.length + "-byte key with a " + kek.length + "-byte key", e);
        }
    }

    private static Cipher cipher() {
        try {
            return Cipher.getInstance("AES/KW/NoPadding");
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalStateException("AES key wrap is part of every Java 17 runtime", e);
        }
    }
}
