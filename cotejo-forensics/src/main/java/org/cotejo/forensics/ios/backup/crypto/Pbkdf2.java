package org.cotejo.forensics.ios.backup.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 (RFC 8018) over the JDK's HMAC. The JDK's own PBKDF2 key factories take the password as
 * characters and encode them to UTF-8 themselves, but the second stage of the backup key derivation
 * feeds the raw 32-byte output of the first stage in as the password, which no character array can
 * carry; so the password is taken here as bytes.
 */
public final class Pbkdf2 {
    private Pbkdf2() {}

    public static byte[] hmacSha1(byte[] password, byte[] salt, long iterations, int length) {
        return derive("HmacSHA1", password, salt, iterations, length);
    }

    public static byte[] hmacSha256(byte[] password, byte[] salt, long iterations, int length) {
        return derive("HmacSHA256", password, salt, iterations, length);
    }

    private static byte[] derive(String hmac, byte[] password, byte[] salt, long iterations, int length) {
        if (iterations < 1) throw new IllegalArgumentException("PBKDF2 needs at least one iteration, not " + iterations);
        if (password.length == 0) throw new IllegalArgumentException("PBKDF2 over an empty password");
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(password, hmac));
            int h = mac.getMacLength();
            byte[] out = new byte[length];
            byte[] u = new byte[h];
            byte[] t = new byte[h];
            for (int block = 1, done = 0; done < length; block++, done += h) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                mac.doFinal(u, 0);
                System.arraycopy(u, 0, t, 0, h);
                for (long i = 1; i < iterations; i++) {
                    mac.update(u);
                    mac.doFinal(u, 0);
                    for (int j = 0; j < h; j++) t[j] ^= u[j];
                }
                System.arraycopy(t, 0, out, done, Math.min(h, length - done));
            }
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is part of every Java runtime", e);
        }
    }
}
