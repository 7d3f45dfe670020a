package org.cotejo.forensics.ios.backup.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.forensics.ios.backup.crypto.AesKeyWrap;
import org.cotejo.forensics.ios.backup.crypto.Keybag;
import org.cotejo.forensics.ios.backup.crypto.Pbkdf2;
import org.cotejo.forensics.ios.backup.crypto.WrappedKey;

/**
 * The keys of one encrypted backup being written: random class keys 1 to 11, wrapped in a backup keybag
 * with the key derived from the password, and fresh keys for Manifest.db and each file, wrapped with a
 * class key. Closing zeroes them.
 */
final class WriterKeys implements AutoCloseable {
    /** The class Manifest.db's key is wrapped with. */
    static final int MANIFEST_CLASS = 4;

    private final Random random;
    private final Map<Integer, byte[]> classKeys = new TreeMap<>();
    private final byte[] keybag;

    WriterKeys(BackupEncryption spec) {
        this.random = spec.seed() == null ? new SecureRandom() : new Random(spec.seed());
        byte[] salt = bytes(20);
        byte[] dpsl = bytes(20);
        char[] password = spec.password();
        byte[] pw = PasswordSource.utf8(password);
        Arrays.fill(password, '\0');
        byte[] kek;
        if (spec.legacyFormat()) {
            kek = Pbkdf2.hmacSha1(pw, salt, spec.iterations(), 32);
        } else {
            byte[] first = Pbkdf2.hmacSha256(pw, dpsl, spec.doubleIterations(), 32);
            kek = Pbkdf2.hmacSha1(first, salt, spec.iterations(), 32);
            Arrays.fill(first, (byte) 0);
        }
        Arrays.fill(pw, (byte) 0);
        Tlv t = new Tlv();
        t.number("VERS", spec.legacyFormat() ? 3 : 4).number("TYPE", 1).add("UUID", bytes(16)).add("HMCK", bytes(40))
                .number("WRAP", 0).add("SALT", salt).number("ITER", spec.iterations());
        if (!spec.legacyFormat()) t.number("DPWT", 1).number("DPIC", spec.doubleIterations()).add("DPSL", dpsl);
        for (int cls = 1; cls <= 11; cls++) {
            byte[] key = bytes(32);
            classKeys.put(cls, key);
            t.add("UUID", bytes(16)).number("CLAS", cls).number("WRAP", Keybag.WRAP_PASSCODE).number("KTYP", 0)
                    .add("WPKY", AesKeyWrap.wrap(kek, key));
        }
        Arrays.fill(kek, (byte) 0);
        keybag = t.bytes();
    }

    /** Manifest.plist's BackupKeyBag. */
    byte[] keybag() { return keybag.clone(); }

    /** A fresh 256-bit key. */
    byte[] newKey() { return bytes(32); }

    /** {@code key} wrapped with the key of {@code protectionClass}, class-prefixed as backups store it. */
    byte[] wrap(int protectionClass, byte[] key) {
        byte[] classKey = classKeys.get(protectionClass);
        if (classKey == null) throw new IllegalArgumentException("protection class " + protectionClass + " is not one of 1..11");
        return new WrappedKey(protectionClass, AesKeyWrap.wrap(classKey, key)).encode();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Override
    public void close() {
        classKeys.values().forEach(k -> Arrays.fill(k, (byte) 0));
    }

    /** Keybag items: 4-byte tag, 4-byte big-endian length, value. */
    private static final class Tlv {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Tlv add(String tag, byte[] value) {
            out.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(be32(value.length));
            out.writeBytes(value);
            return this;
        }

        Tlv number(String tag, long value) {
            return add(tag, be32(value));
        }

        private static byte[] be32(long v) {
            return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }

        byte[] bytes() { return out.toByteArray(); }
    }
}
