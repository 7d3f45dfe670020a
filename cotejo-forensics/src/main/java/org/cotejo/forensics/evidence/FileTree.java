package org.cotejo.forensics.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A read-only view of the files of one extraction: a folder, or an archive read in place. Paths are
 * relative to the extraction's root, '/'-separated. Implementations never write to the evidence,
 * never follow a symbolic link out of the tree, and refuse entries that would escape it.
 */
public interface FileTree extends AutoCloseable {

    /** What this tree is, for messages: "folder /cases/a/backup", "archive dump.tar.gz". */
    String describe();

    /** The entry at {@code path}, if the extraction has it. */
    Optional<FileEntry> entry(String path) throws IOException;

    /** Every entry, in a stable order (sorted by path). */
    void walk(Consumer<FileEntry> visitor) throws IOException;

    /**
     * Entries whose path matches a shell glob relative to the root: {@code *} and {@code ?} never
     * cross '/', {@code [..]} is a character class. Sorted by path.
     */
    List<FileEntry> glob(String pattern) throws IOException;

    /** The bytes of a file entry as modules read them (decrypted, for an encrypted backup). */
    InputStream open(FileEntry entry) throws IOException;

    /**
     * SHA-256 (lower-case hex) of the entry's bytes as stored in the evidence (for an encrypted backup:
     * the encrypted bytes); computed once and remembered.
     */
    String sha256(FileEntry entry) throws IOException;

    /** SHA-256 of the stored bytes read again now, to check the evidence did not change while it was read. */
    String freshSha256(FileEntry entry) throws IOException;

    @Override
    void close() throws IOException;
}
