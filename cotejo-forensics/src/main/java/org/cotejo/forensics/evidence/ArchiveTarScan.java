package org.cotejo.forensics.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.cotejo.core.CotejoException;

/**
 * Lists a plain tar once, front to back, and records where each file's bytes start, so the tree can
 * later read any entry in place by offset. Tar stores a file's bytes contiguously right after its
 * header(s), so the offset is simply how far the tar reader has consumed the file when it hands over
 * the entry. Only headers are read from disk: the tar reader consumes entry data to get to the next
 * header, and those bytes are passed over by moving the file position instead (see {@link Headers}),
 * so listing a 60 GB dump costs its headers, not 60 GB of reading.
 */
final class ArchiveTarScan {
    private ArchiveTarScan() {}

    /**
     * Scans {@code tar} (the evidence itself, or the private decompressed copy of a .tar.gz) into
     * {@code index}. {@code label} names the evidence in messages.
     */
    static void scan(Path tar, String label, ArchiveIndex index) throws IOException {
        String last = null;
        try (FileChannel channel = FileChannel.open(tar, StandardOpenOption.READ);
             Headers headers = new Headers(channel);
             TarArchiveInputStream in = new TarArchiveInputStream(headers)) {
            long length = channel.size();
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                last = e.getName();
                long offset = headers.position;
                index.count(e.getName());
                if (add(e, offset, length, label, index)) headers.passOver(e.getSize());
            }
        } catch (CotejoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CotejoException(label + " is truncated or damaged: read " + index.entries() + " entries"
                    + (last == null ? "" : " (the last one '" + CotejoException.printable(last) + "')")
                    + " before it failed: " + e.getMessage(), e);
        }
        if (index.entries() == 0) throw new CotejoException(label + " holds no tar entries; it is not a tar archive or it is empty");
    }

    /** Adds one entry; true when it is a regular file whose data lies, whole, in the tar. */
    private static boolean add(TarArchiveEntry e, long offset, long length, String label, ArchiveIndex index) {
        String raw = e.getName();
        Instant modified = e.getLastModifiedTime() == null ? null : e.getLastModifiedTime().toInstant();
        if (e.isSymbolicLink()) {
            String path = index.normalise(raw);
            if (path != null) index.add(raw, path, FileEntry.Type.SYMLINK, 0, modified, -1, null);
        } else if (e.isLink()) {
            index.skip(raw, "hard link to '" + CotejoException.printable(e.getLinkName()) + "'; links are never followed");
        } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            index.skip(raw, "device or FIFO entry; it holds no file data");
        } else if (e.isDirectory()) {
            String path = index.normalise(raw);
            if (path != null) index.add(raw, path, FileEntry.Type.DIRECTORY, 0, modified, -1, null);
        } else if (e.isSparse()) {
            index.skip(raw, "sparse file; Cotejo reads only files stored contiguously");
        } else if (e.isFile()) {
            long size = e.getSize();
            if (offset + size > length) {
                throw new CotejoException(label + " is truncated: entry '" + CotejoException.printable(raw) + "' ("
                        + index.entries() + " entries in) needs " + size + " bytes from byte " + offset + " but the tar ends at byte "
                        + length);
            }
            String path = index.normalise(raw);
            if (path != null) index.add(raw, path, FileEntry.Type.FILE, size, modified, offset, null);
            return true;
        } else {
            index.skip(raw, "unsupported tar entry type '" + (char) e.getLinkFlag() + "'");
        }
        return false;
    }

    /**
     * The tar as the tar reader sees it, with its position (the data offset of the entry just handed
     * over). After {@link #passOver(long)}, the next bytes the reader consumes (the entry's data, which
     * it discards on its way to the next header) are not read from disk: the position moves past them
     * and the reader's buffer is left as it is, since it only throws those bytes away. Modules read
     * entries later, by offset, from the file itself.
     */
    private static final class Headers extends InputStream {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).flip();
        private long position;
        private long passOver;

        Headers(FileChannel channel) {
            this.channel = channel;
        }

        void passOver(long bytes) {
            passOver = bytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (passOver > 0) {
                int n = (int) Math.min(len, passOver);
                passOver -= n;
                advance(n);
                return n;
            }
            if (!buffer.hasRemaining()) {
                buffer.clear();
                int n = channel.read(buffer, position);
                buffer.flip();
                if (n <= 0) return -1;
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            position += n;
            return n;
        }

        /** Moves past {@code n} bytes, keeping what the read-ahead buffer still covers. */
        private void advance(long n) {
            position += n;
            if (n <= buffer.remaining()) buffer.position(buffer.position() + (int) n);
            else buffer.position(buffer.limit());
        }
    }
}
