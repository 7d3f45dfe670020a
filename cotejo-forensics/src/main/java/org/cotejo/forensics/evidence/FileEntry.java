package org.cotejo.forensics.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an extraction, as listed by its {@link FileTree}.
 *
 * @param path     path inside the extraction, '/'-separated, no leading '/', never containing '..'
 * @param size     bytes (0 for directories)
 * @param modified modification time as recorded by the folder or archive, or null when unknown
 * @param type     file, directory or symbolic link (links are listed, never followed)
 */
public record FileEntry(String path, long size, Instant modified, Type type) {
    public enum Type { FILE, DIRECTORY, SYMLINK }

    public FileEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }

    public boolean isFile() { return type == Type.FILE; }

    public boolean isDirectory() { return type == Type.DIRECTORY; }

    /** The last path segment. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
