package org.cotejo.forensics.android.bugreport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.Globs;

/**
 * One file of another extraction's tree seen as a tree of its own: an AndroidQF collection's
 * {@code dumpsys.txt} read as a nested bugreport. The entry keeps its path; closing this tree leaves
 * the base open, since the extraction holding it owns the base.
 */
final class SingleEntryTree implements FileTree {
    private final FileTree base;
    private final FileEntry entry;

    SingleEntryTree(FileTree base, FileEntry entry) {
        this.base = base;
        this.entry = entry;
    }

    FileTree base() { return base; }

    @Override public String describe() { return base.describe() + ", file " + entry.path(); }

    @Override
    public Optional<FileEntry> entry(String path) {
        return entry.path().equals(path) ? Optional.of(entry) : Optional.empty();
    }

    @Override public void walk(Consumer<FileEntry> visitor) { visitor.accept(entry); }

    @Override
    public List<FileEntry> glob(String pattern) {
        return Globs.matches(pattern, entry.path()) ? List.of(entry) : List.of();
    }

    @Override
    public InputStream open(FileEntry e) throws IOException {
        if (!entry.path().equals(e.path())) throw new IOException("no entry " + e.path() + " in " + describe());
        return base.open(entry);
    }

    @Override public String sha256(FileEntry e) throws IOException { return base.sha256(entry(e)); }

    @Override public String freshSha256(FileEntry e) throws IOException { return base.freshSha256(entry(e)); }

    private FileEntry entry(FileEntry e) throws IOException {
        if (!entry.path().equals(e.path())) throw new IOException("no entry " + e.path() + " in " + describe());
        return entry;
    }

    @Override public void close() {}
}
