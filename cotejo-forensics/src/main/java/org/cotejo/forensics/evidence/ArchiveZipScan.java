package org.cotejo.forensics.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.cotejo.core.CotejoException;

/**
 * Lists a zip from its central directory and checks it before any byte is inflated: declared sizes
 * against the caps, compression ratios of large entries, and entries whose compressed data overlap
 * (the construction of "non-recursive" zip bombs, where thousands of entries share one compressed
 * block). Entry bytes are read later by random access.
 */
final class ArchiveZipScan {
    /** Unix file-type bits of a zip entry's mode (stored by Info-ZIP and most Unix tools). */
    private static final int TYPE_MASK = 0170000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 0040000;
    private static final int SYMLINK = 0120000;
    /** A local file header is at least 30 bytes before the name, extra field and data. */
    private static final int LOCAL_HEADER_MIN = 30;

    private ArchiveZipScan() {}

    /** Opens the zip and fills {@code index}; the caller owns (and closes) the returned file. */
    static ZipFile scan(Path file, String label, ArchiveIndex index, ArchiveLimits limits) throws IOException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setFile(file.toFile()).get();
        } catch (IOException e) {
            throw new CotejoException(label + " cannot be read as a zip archive (" + Files.size(file) + " bytes; a truncated zip "
                    + "loses its central directory, which sits at the end): " + e.getMessage(), e);
        }
        try {
            List<ZipArchiveEntry> all = Collections.list(zip.getEntriesInPhysicalOrder());
            refuseOverlaps(all, Files.size(file), label);
            for (ZipArchiveEntry e : all) add(zip, e, label, index, limits);
            return zip;
        } catch (IOException | RuntimeException e) {
            ZipFile.closeQuietly(zip);
            throw e;
        }
    }

    private static void add(ZipFile zip, ZipArchiveEntry e, String label, ArchiveIndex index, ArchiveLimits limits) {
        String raw = e.getName();
        index.count(raw);
        Instant modified = e.getLastModifiedTime() == null ? null : e.getLastModifiedTime().toInstant();
        int type = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? e.getUnixMode() & TYPE_MASK : 0;
        if (e.isUnixSymlink()) {
            String path = index.normalise(raw);
            if (path != null) index.add(raw, path, FileEntry.Type.SYMLINK, 0, modified, -1, null);
        } else if (e.isDirectory() || type == DIRECTORY) {
            String path = index.normalise(raw);
            if (path != null) index.add(raw, path, FileEntry.Type.DIRECTORY, 0, modified, -1, null);
        } else if (type != 0 && type != REGULAR && type != SYMLINK) {
            index.skip(raw, "device, FIFO or socket entry (mode " + Integer.toOctalString(e.getUnixMode()) + "); it holds no file data");
        } else if (!zip.canReadEntryData(e)) {
            index.skip(raw, "encrypted, or compressed with a method Cotejo cannot read (method " + e.getMethod() + ")");
        } else {
            long size = e.getSize();
            if (size < 0) throw new CotejoException(label + ": entry '" + CotejoException.printable(raw) + "' does not declare its size");
            if (limits.ratioTooHigh(size, e.getCompressedSize())) {
                throw new CotejoException(label + ": entry '" + CotejoException.printable(raw) + "' declares " + size
                        + " bytes from " + e.getCompressedSize() + " compressed bytes, a ratio above " + (long) limits.maxRatio()
                        + ":1; refusing the archive as a possible zip bomb. If it is genuine, extract it with a trusted "
                        + "tool and give Cotejo the folder");
            }
            String path = index.normalise(raw);
            if (path != null) index.add(raw, path, FileEntry.Type.FILE, size, modified, -1, e);
        }
    }

    /** Refuses entries whose compressed data overlap another's, or run past the end of the file. */
    private static void refuseOverlaps(List<ZipArchiveEntry> entries, long fileSize, String label) {
        List<ZipArchiveEntry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
        for (int i = 0; i < byOffset.size(); i++) {
            ZipArchiveEntry e = byOffset.get(i);
            long end = e.getLocalHeaderOffset() + LOCAL_HEADER_MIN + Math.max(e.getCompressedSize(), 0);
            long next = i + 1 < byOffset.size() ? byOffset.get(i + 1).getLocalHeaderOffset() : fileSize;
            if (end > next) {
                String what = i + 1 < byOffset.size()
                        ? "overlaps entry '" + CotejoException.printable(byOffset.get(i + 1).getName()) + "' (entries sharing compressed data are a zip-bomb construction)"
                        : "runs past the end of the file at byte " + fileSize + " (the archive is truncated)";
                throw new CotejoException(label + ": the data of entry '" + CotejoException.printable(e.getName()) + "' " + what
                        + "; refusing the archive");
            }
        }
    }
}
