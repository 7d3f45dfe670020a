package org.cotejo.forensics.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cotejo.core.CotejoException;

/**
 * One file seen as a tree of its own: a capture or an EVE log given on the command line (reading that
 * file, never its neighbours), or one file of another extraction's tree (an AndroidQF collection's
 * {@code dumpsys.txt} read as a nested bugreport). The entry keeps its path. The tree closes its base
 * only when it made it.
 */
public final class SingleFileTree implements FileTree {
    private final FileTree base;
    private final FileEntry entry;
    private final boolean ownsBase;

    private SingleFileTree(FileTree base, FileEntry entry, boolean ownsBase) {
        this.base = base;
        this.entry = entry;
        this.ownsBase = ownsBase;
    }

    /** {@code entry} of {@code base}, which stays its owner's: closing this tree leaves it open. */
    public static SingleFileTree within(FileTree base, FileEntry entry) {
        return new SingleFileTree(base, entry, false);
    }

    /** A file on disk, read through a {@link FolderTree} over its folder (which never follows links out of it). */
    public static SingleFileTree of(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        FolderTree folder = new FolderTree(abs.getParent());
        FileEntry e = folder.entry(abs.getFileName().toString()).filter(FileEntry::isFile).orElse(null);
        if (e == null) {
            folder.close();
            throw new CotejoException("cannot read " + file + " as a file");
        }
        return new SingleFileTree(folder, e, true);
    }

    /** The tree the file belongs to. */
    public FileTree base() { return base; }

    /** The one file. */
    public FileEntry file() { return entry; }

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

    @Override public InputStream open(FileEntry e) throws IOException { return base.open(check(e)); }

    @Override public String sha256(FileEntry e) throws IOException { return base.sha256(check(e)); }

    @Override public String freshSha256(FileEntry e) throws IOException { return base.freshSha256(check(e)); }

    private FileEntry check(FileEntry e) throws IOException {
        if (!entry.path().equals(e.path())) throw new IOException("no entry " + e.path() + " in " + describe());
        return entry;
    }

    @Override
    public void close() throws IOException {
        if (ownsBase) base.close();
    }
}
