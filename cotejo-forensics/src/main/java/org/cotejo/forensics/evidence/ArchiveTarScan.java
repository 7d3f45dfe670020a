package org.cotejo.forensics.evidence;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.cotejo.core.CotejoException;

/**
 * Lists a plain tar once, front to back, and records where each file's bytes start, so the tree can
 * later read any entry in place by offset. Tar stores a file's bytes contiguously right after its
 * header(s), so the offset is simply how far the tar reader has consumed the file when it hands over
 * the entry.
 */
final class ArchiveTarScan {
    private ArchiveTarScan() {}

    /**
     * Scans {@code tar} (the evidence itself, or the private decompressed copy of a .tar.gz) into
     * {@code index}. {@code label} names the evidence in messages.
     */
    static void scan(Path tar, String label, ArchiveIndex index) throws IOException {
        long length = Files.size(tar);
        String last = null;
        try (Counting counted = new Counting(new BufferedInputStream(Files.newInputStream(tar), 1 << 16));
             TarArchiveInputStream in = new TarArchiveInputStream(counted)) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                last = e.getName();
                long offset = counted.count;
                index.count(e.getName());
                add(e, offset, length, label, index);
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

    private static void add(TarArchiveEntry e, long offset, long length, String label, ArchiveIndex index) {
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
        } else {
            index.skip(raw, "unsupported tar entry type '" + (char) e.getLinkFlag() + "'");
        }
    }

    /** Counts the bytes the tar reader consumed: the position of the entry's data when it is handed over. */
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
            if (s > 0) count += s;
            return s;
        }

        @Override
        public boolean markSupported() { return false; }
    }
}
