package org.cotejo.forensics.module;

import java.util.List;
import java.util.Objects;

/**
 * Where an artifact lives, as plain data at the top of each module: in a backup, a domain and a
 * relative path (either may use {@code *}; a null domain means any domain); in a filesystem dump, shell
 * globs relative to the dump's root.
 */
public record Location(String domain, String relativePath, List<String> fsGlobs) {
    public Location {
        fsGlobs = List.copyOf(fsGlobs);
        if (relativePath == null && domain == null && fsGlobs.isEmpty()) {
            throw new IllegalArgumentException("a location needs a backup path or a filesystem glob");
        }
    }

    /** A file found in backups under {@code domain} / {@code relativePath}, and in dumps at {@code fsGlobs}. */
    public static Location of(String domain, String relativePath, String... fsGlobs) {
        return new Location(domain, relativePath, List.of(fsGlobs));
    }

    /** Only in backups. */
    public static Location backup(String domain, String relativePath) {
        return new Location(domain, relativePath, List.of());
    }

    /** Only in filesystem dumps (and sysdiagnose archives). */
    public static Location fs(String... globs) {
        return new Location(null, null, List.of(globs));
    }

    public boolean inBackups() { return relativePath != null || domain != null; }

    /** The backup file id: lower-case hex SHA-1 of "domain-relativePath", when both are literal. */
    public String fileId() {
        if (domain == null || relativePath == null || domain.contains("*") || relativePath.contains("*")) return null;
        return Objects.requireNonNull(org.cotejo.forensics.ios.backup.BackupFileIds.of(domain, relativePath));
    }
}
