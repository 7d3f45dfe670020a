package org.cotejo.forensics.ios.backup.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts, as it is read, a file of an encrypted backup: AES-256-CBC with a zero IV, as iOS writes
 * them. The plain text is cut at the {@code Size} the manifest records (which drops iOS's PKCS#7
 * padding), or kept whole (Manifest.db), or stripped of PKCS#7 padding when the size is unknown.
 * Stored bytes that are not whole AES blocks, or that decrypt to less than the recorded size, are an
 * {@link IOException} naming the file: it was damaged or cut short.
 */
public final class CbcDecryptingStream extends InputStream {
    private static final byte[] ZERO_IV = new byte[16];

    private final InputStream stored;
    private final Cipher cipher;
    private final long size;
    private final String what;
    private final byte[] in = new byte[1 << 16];
    private byte[] plain = new byte[0];
    private int pos;
    private long storedBytes;
    private long delivered;
    private boolean ended;

    private CbcDecryptingStream(InputStream stored, byte[] key, String transformation, long size, String what) {
        this.stored = stored;
        this.size = size;
        this.what = what;
        try {
            cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(ZERO_IV));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot decrypt with a " + key.length + "-byte key", e);
        }
    }

    /** Plain text cut at {@code size} bytes. The key is copied: the caller may zero it once this returns. */
    public static InputStream truncatedTo(InputStream stored, byte[] key, long size, String what) {
        return new CbcDecryptingStream(stored, key, "AES/CBC/NoPadding", size, what);
    }

    /** Every decrypted byte, padding included (how Manifest.db is decrypted). */
    public static InputStream whole(InputStream stored, byte[] key, String what) {
        return new CbcDecryptingStream(stored, key, "AES/CBC/NoPadding", -1, what);
    }

    /** Plain text with its PKCS#7 padding removed, for files whose size the manifest does not give. */
    public static InputStream unpadded(InputStream stored, byte[] key, String what) {
        return new CbcDecryptingStream(stored, key, "AES/CBC/PKCS5Padding", -1, what);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (pos >= plain.length) {
            if (ended) return -1;
            fill();
        }
        int n = Math.min(len, plain.length - pos);
        if (size >= 0) {
            long left = size - delivered;
            if (left <= 0) {
                pos = plain.length;
                return ended ? -1 : drainRest();
            }
            n = (int) Math.min(n, left);
        }
        System.arraycopy(plain, pos, b, off, n);
        pos += n;
        delivered += n;
        return n;
    }

    /** Past the recorded size: read (and check) the rest of the stored bytes, deliver nothing more. */
    private int drainRest() throws IOException {
        while (!ended) fill();
        return -1;
    }

    private void fill() throws IOException {
        int n = stored.read(in);
        pos = 0;
        try {
            if (n < 0) {
                ended = true;
                if (storedBytes % 16 != 0) {
                    throw new IOException(what + ": " + storedBytes + " stored bytes are not whole AES blocks; the file is damaged or truncated");
                }
                plain = cipher.doFinal();
                if (size >= 0 && delivered + plain.length < size) {
                    throw new IOException(what + ": decrypts to " + (delivered + plain.length) + " bytes, fewer than the "
                            + size + " the manifest records; the file is truncated");
                }
            } else {
                storedBytes += n;
                byte[] out = cipher.update(in, 0, n);
                plain = out == null ? new byte[0] : out;
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(what + ": cannot be decrypted (" + e.getMessage() + "); the file or its key is damaged", e);
        }
    }

    @Override
    public void close() throws IOException {
        java.util.Arrays.fill(plain, (byte) 0);
        stored.close();
    }
}
