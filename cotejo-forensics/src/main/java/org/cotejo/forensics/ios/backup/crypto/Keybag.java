package org.cotejo.forensics.ios.backup.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.cotejo.core.CotejoException;

/**
 * The backup keybag of an encrypted backup (Manifest.plist {@code BackupKeyBag}): a stream of items,
 * each a 4-byte ASCII tag, a 4-byte big-endian length and the value. The first {@code UUID} and
 * {@code WRAP} describe the keybag; every later {@code UUID} opens the record of one class key, which
 * collects {@code CLAS}, {@code WRAP}, {@code WPKY}, {@code KTYP} and {@code PBKY}. Every other tag
 * ({@code SALT}, {@code ITER}, {@code DPSL}, {@code DPIC}, {@code DPWT}, {@code VERS}, {@code HMCK},
 * {@code TYPE}...) is an attribute of the keybag.
 */
public final class Keybag {
    /** A class key's {@code WRAP} bit meaning "wrapped with the password-derived key". */
    public static final long WRAP_PASSCODE = 2;
    /**
     * Most PBKDF2 iterations accepted from a keybag (iOS uses 10,000,000 for DPIC): a hostile keybag
     * could otherwise ask for hours of work.
     */
    public static final long MAX_ITERATIONS = 50_000_000L;

    /** One class key record. 4-byte values are read as big-endian unsigned numbers; absent ones are null. */
    public record ClassKey(byte[] uuid, Integer protectionClass, Long wrap, Long keyType, byte[] wrappedKey, byte[] publicKey) {}

    private byte[] uuid;
    private Long wrap;
    private final Map<String, byte[]> attributes = new LinkedHashMap<>();
    private final Map<Integer, ClassKey> classKeys = new TreeMap<>();

    private Keybag() {}

    /** Parses the keybag; a truncated or malformed one is a user error naming what is wrong. */
    public static Keybag parse(byte[] tlv) {
        Keybag k = new Keybag();
        Map<String, byte[]> current = null;
        int i = 0;
        while (i < tlv.length) {
            if (tlv.length - i < 8) throw new CotejoException("backup keybag: " + (tlv.length - i) + " stray bytes at offset " + i);
            String tag = new String(tlv, i, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long length = (tlv[i + 4] & 0xffL) << 24 | (tlv[i + 5] & 0xff) << 16 | (tlv[i + 6] & 0xff) << 8 | (tlv[i + 7] & 0xff);
            if (length > tlv.length - i - 8) {
                throw new CotejoException("backup keybag: item " + org.cotejo.core.CotejoException.printable(tag) + " at offset " + i
                        + " claims " + length + " bytes, only " + (tlv.length - i - 8) + " remain");
            }
            byte[] value = Arrays.copyOfRange(tlv, i + 8, i + 8 + (int) length);
            i += 8 + (int) length;
            if (tag.equals("UUID") && k.uuid == null) {
                k.uuid = value;
            } else if (tag.equals("WRAP") && k.wrap == null && current == null) {
                k.wrap = number(value, tag);
            } else if (tag.equals("UUID")) {
                if (current != null) k.addClassKey(current);
                current = new LinkedHashMap<>();
                current.put(tag, value);
            } else if (current != null && (tag.equals("CLAS") || tag.equals("WRAP") || tag.equals("WPKY") || tag.equals("KTYP") || tag.equals("PBKY"))) {
                current.put(tag, value);
            } else {
                k.attributes.putIfAbsent(tag, value);
            }
        }
        if (current != null) k.addClassKey(current);
        return k;
    }

    private void addClassKey(Map<String, byte[]> item) {
        Long cls = item.containsKey("CLAS") ? number(item.get("CLAS"), "CLAS") : null;
        if (cls == null) return; // a record without a class cannot be used for anything
        classKeys.put(cls.intValue(), new ClassKey(item.get("UUID"), cls.intValue(),
                item.containsKey("WRAP") ? number(item.get("WRAP"), "WRAP") : null,
                item.containsKey("KTYP") ? number(item.get("KTYP"), "KTYP") : null,
                item.get("WPKY"), item.get("PBKY")));
    }

    private static long number(byte[] v, String tag) {
        if (v.length != 4) throw new CotejoException("backup keybag: " + tag + " holds " + v.length + " bytes, not a 4-byte number");
        return (v[0] & 0xffL) << 24 | (v[1] & 0xff) << 16 | (v[2] & 0xff) << 8 | (v[3] & 0xff);
    }

    public byte[] uuid() { return uuid == null ? null : uuid.clone(); }

    /** The keybag's own WRAP flags, or null. */
    public Long wrap() { return wrap; }

    /** The keybag {@code TYPE} (1 for a backup keybag), or null. */
    public Long type() { return number("TYPE"); }

    /** The raw value of an attribute ("SALT", "DPSL", "HMCK"...), or null. */
    public byte[] attribute(String tag) {
        byte[] v = attributes.get(tag);
        return v == null ? null : v.clone();
    }

    /** A 4-byte attribute as a number ("ITER", "DPIC", "VERS", "DPWT"...), or null when absent. */
    public Long number(String tag) {
        byte[] v = attributes.get(tag);
        return v == null ? null : number(v, tag);
    }

    /** The attribute tags in the order they appear. */
    public java.util.Set<String> attributeTags() { return Collections.unmodifiableSet(attributes.keySet()); }

    /** Class key records by protection class, ascending. */
    public Map<Integer, ClassKey> classKeys() { return Collections.unmodifiableMap(classKeys); }

    /**
     * The key-encryption key for {@code password} (UTF-8 bytes): PBKDF2-HMAC-SHA256 over DPSL/DPIC, then
     * PBKDF2-HMAC-SHA1 over SALT/ITER, when the keybag has DPSL and DPIC (iOS 10.2 and later); otherwise
     * PBKDF2-HMAC-SHA1 over SALT/ITER alone.
     */
    public byte[] deriveKey(byte[] password) {
        byte[] salt = attributes.get("SALT");
        Long iterations = number("ITER");
        if (salt == null || iterations == null) throw new CotejoException("backup keybag has no SALT or ITER: it cannot be unlocked with a password");
        if (password.length == 0) throw new CotejoException("the backup password is empty");
        byte[] dpsl = attributes.get("DPSL");
        Long dpic = number("DPIC");
        if (dpsl != null && dpic != null) {
            byte[] first = Pbkdf2.hmacSha256(password, dpsl, checked(dpic, "DPIC"), 32);
            try {
                return Pbkdf2.hmacSha1(first, salt, checked(iterations, "ITER"), 32);
            } finally {
                Arrays.fill(first, (byte) 0);
            }
        }
        return Pbkdf2.hmacSha1(password, salt, checked(iterations, "ITER"), 32);
    }

    private static long checked(long iterations, String tag) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new CotejoException("backup keybag asks for " + iterations + " " + tag + " iterations, outside 1.." + MAX_ITERATIONS);
        }
        return iterations;
    }

    /**
     * Unwraps every password-wrapped class key with {@code kek}.
     *
     * @throws GeneralSecurityException when an integrity check fails: {@code kek} comes from a wrong password
     */
    public ClassKeys unlock(byte[] kek) throws GeneralSecurityException {
        ClassKeys out = new ClassKeys();
        try {
            for (ClassKey c : classKeys.values()) {
                if (c.wrappedKey() == null || c.wrap() == null || (c.wrap() & WRAP_PASSCODE) == 0) continue;
                out.put(c.protectionClass(), AesKeyWrap.unwrap(kek, c.wrappedKey()));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            out.close();
            throw e;
        }
        if (out.classes().isEmpty()) {
            throw new CotejoException("backup keybag holds no password-wrapped class keys: nothing can be decrypted");
        }
        return out;
    }
}
