package org.cotejo.forensics.ios.backup.crypto;

import java.util.Arrays;
import org.cotejo.core.CotejoException;

/**
 * A key as backups store it: a 4-byte little-endian protection class, then the key wrapped (RFC 3394)
 * with that class's key. Manifest.plist {@code ManifestKey} and the MBFile {@code EncryptionKey} of each
 * file of an encrypted backup have this shape (4 + 40 bytes for a 256-bit key).
 *
 * @param protectionClass the class whose key unwraps this one
 * @param wrapped         the wrapped key (a multiple of 8 bytes, at least 24)
 */
public record WrappedKey(int protectionClass, byte[] wrapped) {
    public WrappedKey {
        wrapped = wrapped.clone();
    }

    /** Reads the class-prefixed form; {@code what} names the value in the error for a malformed one. */
    public static WrappedKey parse(byte[] data, String what) {
        if (data == null || data.length < 4 + 24 || (data.length - 4) % 8 != 0) {
            throw new CotejoException(what + " is not a class-prefixed wrapped key ("
                    + (data == null ? "absent" : data.length + " bytes") + ")");
        }
        int cls = (data[0] & 0xff) | (data[1] & 0xff) << 8 | (data[2] & 0xff) << 16 | (data[3] & 0xff) << 24;
        return new WrappedKey(cls, Arrays.copyOfRange(data, 4, data.length));
    }

    /** The class-prefixed form, as written into a backup. */
    public byte[] encode() {
        byte[] out = new byte[4 + wrapped.length];
        out[0] = (byte) protectionClass;
        out[1] = (byte) (protectionClass >>> 8);
        out[2] = (byte) (protectionClass >>> 16);
        out[3] = (byte) (protectionClass >>> 24);
        System.arraycopy(wrapped, 0, out, 4, wrapped.length);
        return out;
    }

    @Override
    public byte[] wrapped() { return wrapped.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey k && k.protectionClass == protectionClass && Arrays.equals(k.wrapped, wrapped);
    }

    @Override
    public int hashCode() { return 31 * protectionClass + Arrays.hashCode(wrapped); }

    @Override
    public String toString() { return "WrappedKey[class " + protectionClass + ", " + wrapped.length + " bytes]"; }
}
