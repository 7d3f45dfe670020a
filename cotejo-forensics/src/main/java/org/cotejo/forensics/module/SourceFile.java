package org.cotejo.forensics.module;

import java.util.Objects;
import org.cotejo.forensics.evidence.FileEntry;

/**
 * A file a module reads: its entry in the extraction and, for backups, the domain, relative path and
 * file id it stands for.
 *
 * @param entry        the stored file (for backups {@code 3d/3d0d…})
 * @param domain       backup domain, or null in a filesystem dump
 * @param relativePath backup relative path, or the dump path
 * @param fileId       backup file id, or null
 */
public record SourceFile(FileEntry entry, String domain, String relativePath, String fileId) {
    public SourceFile {
        Objects.requireNonNull(entry, "entry");
        relativePath = relativePath == null ? entry.path() : relativePath;
    }

    public static SourceFile of(FileEntry entry) {
        return new SourceFile(entry, null, entry.path(), null);
    }

    /** What the file is on the phone: "HomeDomain/Library/SMS/sms.db", or the dump path. */
    public String logical() {
        return domain == null ? relativePath : domain + "/" + relativePath;
    }

    /** The path module records show ("safari_history_db", "path"): the relative path in a backup, the dump path otherwise. */
    public String path() { return relativePath; }

    public String name() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }
}
