package org.cotejo.forensics.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.cotejo.core.CotejoException;

/**
 * An archive entry's bytes, held to the size the archive declared for it: a zip whose entry inflates
 * past its declared size is a bomb (or damaged), and one that ends early is truncated. Either stops
 * the read with a message naming the archive and the entry, instead of feeding a module wrong bytes.
 */
final class ArchiveEntryStream extends FilterInputStream {
    private final long declared;
    private final String archive;
    private final String entry;
    private long read;

    ArchiveEntryStream(InputStream in, long declared, String archive, String entry) {
        super(in);
        this.declared = declared;
        this.archive = archive;
        this.entry = entry;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        int n = in.read(b, off, len);
        if (n < 0) {
            if (read < declared) {
                throw new IOException(archive + ": entry '" + entry + "' ended after " + read + " of its " + declared
                        + " declared bytes; the archive is truncated or changed while being read");
            }
            return -1;
        }
        read += n;
        if (read > declared) {
            throw new CotejoException(archive + ": entry '" + entry + "' expands beyond its declared " + declared
                    + " bytes; refusing it as damaged or a zip bomb");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping by reading keeps the size check honest for compressed entries.
        byte[] buf = new byte[8192];
        long total = 0;
        while (total < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - total));
            if (r < 0) break;
            total += r;
        }
        return total;
    }

    @Override
    public boolean markSupported() { return false; }
}
