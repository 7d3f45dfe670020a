package org.cotejo.forensics.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.cotejo.core.CotejoException;

/**
 * The entries of one archive as Cotejo accepts them, built while the archive is scanned: every
 * path-safety rule and cap of {@link ArchiveTree} is applied here, once, for tar and zip alike.
 * Refused entries are kept as sentences in {@link #skipped()} so a report can say what was not read.
 *
 * <p>Only metadata is held (path, size, where the bytes start), never data; it is the listing a
 * {@link FolderTree} also keeps.
 */
final class ArchiveIndex {
    /**
     * One accepted entry and where its bytes are: a data offset in a plain tar, or the zip entry.
     * {@code implicit} marks a folder that has no entry of its own but holds entries.
     */
    record Item(FileEntry entry, long dataOffset, Object zipEntry, boolean implicit) {}

    private final String archive;
    private final ArchiveLimits limits;
    private final TreeMap<String, Item> items = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();
    private long entries;
    private long totalBytes;

    ArchiveIndex(String archive, ArchiveLimits limits) {
        this.archive = archive;
        this.limits = limits;
    }

    /** Counts one raw entry of the archive against the entry cap. */
    void count(String rawName) {
        if (++entries > limits.maxEntries()) {
            throw new CotejoException(archive + " has more than " + limits.maxEntries() + " entries (the cap) at entry '"
                    + CotejoException.printable(rawName) + "'; refusing it. If the archive is genuine, extract it with a "
                    + "trusted tool and give Cotejo the folder");
        }
    }

    long entries() { return entries; }

    /** Records that {@code rawName} was not read, and why. */
    void skip(String rawName, String reason) {
        skipped.add(archive + ": entry '" + CotejoException.printable(rawName) + "' skipped: " + reason);
    }

    /**
     * The safe relative path of a raw entry name ("./private/var/x" → "private/var/x"), or null when the
     * name is refused (the reason is recorded) or names the archive's root itself.
     */
    String normalise(String raw) {
        String reason = null;
        if (raw.indexOf('\\') >= 0) {
            reason = "its name contains a backslash (a Windows separator; Cotejo does not guess the path it means)";
        } else if (raw.indexOf('\0') >= 0) {
            reason = "its name contains a NUL character";
        } else if (raw.startsWith("/")) {
            reason = "it has an absolute path, which would point outside the extraction";
        } else if (raw.matches("[A-Za-z]:(/.*)?")) {
            reason = "it has a drive-letter path, which would point outside the extraction";
        }
        List<String> segments = new ArrayList<>();
        if (reason == null) {
            for (String seg : raw.split("/")) {
                if (seg.isEmpty() || seg.equals(".")) continue;
                if (seg.equals("..")) {
                    reason = "its path has a '..' segment, which would escape the extraction";
                    break;
                }
                segments.add(seg);
            }
        }
        if (reason != null) {
            skip(raw, "refused: " + reason);
            return null;
        }
        return segments.isEmpty() ? null : String.join("/", segments);
    }

    /**
     * Adds an accepted entry. A file whose parent is itself a file or link in the archive, or a second
     * entry with the same path, is skipped (the first one is kept) and recorded.
     */
    void add(String raw, String path, FileEntry.Type type, long size, Instant modified, long dataOffset, Object zipEntry) {
        if (type == FileEntry.Type.FILE) {
            totalBytes += size;
            if (totalBytes > limits.maxTotalBytes()) {
                throw new CotejoException(archive + " declares more than " + limits.maxTotalBytes()
                        + " bytes of uncompressed content (the cap), at entry '" + CotejoException.printable(raw)
                        + "'; refusing it as a possible archive bomb. If the archive is genuine, extract it with a "
                        + "trusted tool and give Cotejo the folder");
            }
        }
        int slash = path.indexOf('/');
        while (slash > 0) {
            String parent = path.substring(0, slash);
            Item p = items.get(parent);
            if (p == null) {
                items.put(parent, new Item(new FileEntry(parent, 0, null, FileEntry.Type.DIRECTORY), -1, null, true));
            } else if (!p.entry().isDirectory()) {
                skip(raw, "its parent '" + parent + "' is a " + describe(p.entry().type()) + " in the archive, not a folder");
                return;
            }
            slash = path.indexOf('/', slash + 1);
        }
        FileEntry entry = new FileEntry(path, type == FileEntry.Type.FILE ? size : 0, modified, type);
        Item known = items.get(path);
        if (known == null || (known.implicit() && type == FileEntry.Type.DIRECTORY)) {
            items.put(path, new Item(entry, dataOffset, zipEntry, false));
        } else if (known.implicit()) {
            skip(raw, "it is a " + describe(type) + " but earlier entries use '" + path + "' as a folder");
        } else if (!(known.entry().isDirectory() && type == FileEntry.Type.DIRECTORY)) {
            skip(raw, "duplicate of an earlier entry with the same path; the first one is kept");
        }
    }

    private static String describe(FileEntry.Type type) {
        return switch (type) {
            case FILE -> "file";
            case DIRECTORY -> "folder";
            case SYMLINK -> "symbolic link";
        };
    }

    NavigableMap<String, Item> items() { return items; }

    List<String> skipped() { return List.copyOf(skipped); }
}
