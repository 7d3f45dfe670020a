package org.cotejo.forensics.ios.backup;

import java.util.Objects;
import org.cotejo.forensics.record.Fields;

/**
 * One row of a backup's {@code Manifest.db} {@code Files} table.
 *
 * @param fileId       SHA-1 of "domain-relativePath"
 * @param domain       e.g. "HomeDomain", "AppDomain-net.whatsapp.WhatsApp"
 * @param relativePath path inside the domain
 * @param flags        1 file, 2 directory, 4 symbolic link
 * @param metadata     the decoded MBFile of the {@code file} blob (keys Birth, LastModified,
 *                     LastStatusChange, Mode, UserID, GroupID, Size, InodeNumber, ProtectionClass...),
 *                     or null when absent or unreadable
 */
public record ManifestEntry(String fileId, String domain, String relativePath, long flags, Fields metadata) {
    public ManifestEntry {
        Objects.requireNonNull(fileId, "fileId");
        domain = domain == null ? "" : domain;
        relativePath = relativePath == null ? "" : relativePath;
    }

    public boolean isFile() { return flags == 1; }
}
