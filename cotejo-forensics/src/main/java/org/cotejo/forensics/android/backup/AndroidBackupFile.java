package org.cotejo.forensics.android.backup;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.crypto.CipherInputStream;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.ios.backup.PasswordSource;

/**
 * One Android backup ({@code backup.ab}) opened for reading: its header parsed, and for an encrypted
 * backup its master key unwrapped with the password (asked only then). {@link #tarStream()} streams the
 * tar inside: the stored bytes after the header, decrypted and inflated as they are read, never held in
 * memory whole. Closing it forgets the master key.
 */
public final class AndroidBackupFile implements AutoCloseable {
    /** Re-opens the backup's stored bytes from the start: a file, or an entry of another extraction. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final Source source;
    private final long size;
    private final String name;
    private final AndroidBackupHeader header;
    private final MasterKey masterKey;

    private AndroidBackupFile(Source source, long size, String name, AndroidBackupHeader header, MasterKey masterKey) {
        this.source = source;
        this.size = size;
        this.name = name;
        this.header = header;
        this.masterKey = masterKey;
    }

    /** Opens the backup file at {@code path}; the password is asked of {@code password} only if it is encrypted. */
    public static AndroidBackupFile open(Path path, PasswordSource password) throws IOException {
        if (!Files.isRegularFile(path)) throw new CotejoException("no such Android backup file: " + path);
        return open(() -> Files.newInputStream(path), Files.size(path), path.toString(), path, password);
    }

    /**
     * Opens a backup of {@code size} stored bytes read through {@code source}; {@code name} names it in
     * messages and {@code shownAs} in a password prompt.
     *
     * @throws CotejoException for a file that is not a backup, a damaged header, a missing or wrong password
     */
    public static AndroidBackupFile open(Source source, long size, String name, Path shownAs, PasswordSource password) throws IOException {
        AndroidBackupHeader header;
        try (InputStream in = new BufferedInputStream(source.open(), 4096)) {
            header = AndroidBackupHeader.read(in, name);
        }
        if (!header.encrypted()) return new AndroidBackupFile(source, size, name, header, null);
        char[] pw = password.password(shownAs);
        if (pw == null) {
            throw new CotejoException("the Android backup " + name + " is encrypted; give its password with --password-file, the "
                    + PasswordSource.ENVIRONMENT_VARIABLE + " environment variable, or at the prompt");
        }
        try {
            return new AndroidBackupFile(source, size, name, header, MasterKey.unlock(header, pw, name));
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    public AndroidBackupHeader header() { return header; }

    /** The backup's size as stored, in bytes. */
    public long size() { return size; }

    /** What the backup is called in messages: its path, or its entry inside the extraction that holds it. */
    public String name() { return name; }

    /**
     * The tar inside, streamed: stored bytes after the header → AES-256-CBC decryption (if encrypted) →
     * zlib inflation (if compressed). Damage met while reading (a cut-short or corrupt payload) is a
     * {@link CotejoException} naming the backup and the byte offset in the file near which it was found.
     */
    public InputStream tarStream() throws IOException {
        InputStream raw = source.open();
        try {
            raw.skipNBytes(header.payloadOffset());
        } catch (EOFException e) {
            raw.close();
            throw new CotejoException(name + " is shorter than its header; it changed since it was opened");
        }
        Counting stored = new Counting(new BufferedInputStream(raw, 1 << 16));
        InputStream s = stored;
        if (masterKey != null) s = new CipherInputStream(s, masterKey.payloadCipher());
        if (header.compressed()) s = new InflaterInputStream(s, new Inflater(), 1 << 16);
        return new Damage(s, stored);
    }

    @Override
    public void close() {
        if (masterKey != null) masterKey.destroy();
    }

    /** Counts the stored bytes the decoders have consumed, so damage can be placed in the file. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }

    /**
     * Turns the decoders' exceptions (a zlib stream that is corrupt or ends early, ciphertext that is not
     * whole AES blocks or whose padding is wrong) into a message a person can act on. Other I/O errors
     * pass through as they are.
     */
    private final class Damage extends FilterInputStream {
        private final Counting stored;
        private long plain;

        Damage(InputStream in, Counting stored) {
            super(in);
            this.stored = stored;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                if (n > 0) plain += n;
                return n;
            } catch (ZipException | EOFException e) {
                throw damaged("the compressed payload is corrupt or cut short", e);
            } catch (IOException e) {
                if (e.getCause() instanceof GeneralSecurityException) {
                    throw damaged("the encrypted payload does not decrypt (it is cut short or corrupt)", e);
                }
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            // through read, so damage met while skipping is reported the same way
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            long done = 0;
            while (done < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                if (r < 0) break;
                done += r;
            }
            return done;
        }

        private CotejoException damaged(String what, Exception cause) {
            long at = header.payloadOffset() + stored.count;
            return new CotejoException(name + " is damaged: " + what + " near byte " + at + " of the file (the header ends at byte "
                    + header.payloadOffset() + "; " + plain + " bytes of tar were read): " + cause.getMessage(), cause);
        }
    }
}
