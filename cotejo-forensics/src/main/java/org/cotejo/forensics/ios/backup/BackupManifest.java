package org.cotejo.forensics.ios.backup;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/** The file list of a backup ({@code Manifest.db}), decrypted first when the backup is encrypted. */
public interface BackupManifest {

    /**
     * Rows whose domain equals {@code domain} (null: any) and whose relative path matches
     * {@code relativePath} ({@code *} matches any run of characters, '/' included, as SQL LIKE would;
     * null: any). Sorted by domain, then relative path.
     */
    List<ManifestEntry> find(String domain, String relativePath) throws IOException;

    /** Every row, in file-id order. */
    void forEach(Consumer<ManifestEntry> visitor) throws IOException;
}
