package org.cotejo.forensics.network.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;

/**
 * One file as a tree of its own: the file, by its name, and nothing else of its folder. Reads go through
 * a {@link FolderTree} over the folder, which never follows links out of it.
 */
final class SingleFileTree implements FileTree {
    private final FolderTree folder;
    private final String name;

    SingleFileTree(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        this.folder = new FolderTree(abs.getParent());
        this.name = abs.getFileName().toString();
    }

    @Override public String describe() { return "file " + folder.root().resolve(name); }

    @Override
    public Optional<FileEntry> entry(String path) throws IOException {
        return path.equals(name) ? folder.entry(name) : Optional.empty();
    }

    @Override
    public void walk(Consumer<FileEntry> visitor) throws IOException {
        folder.entry(name).ifPresent(visitor);
    }

    @Override
    public List<FileEntry> glob(String pattern) throws IOException {
        if (!org.cotejo.forensics.evidence.Globs.toRegex(pattern).matcher(name).matches()) return List.of();
        return folder.entry(name).map(List::of).orElse(List.of());
    }

    @Override
    public InputStream open(FileEntry entry) throws IOException {
        return folder.open(check(entry));
    }

    @Override public String sha256(FileEntry entry) throws IOException { return folder.sha256(check(entry)); }

    @Override public String freshSha256(FileEntry entry) throws IOException { return folder.freshSha256(check(entry)); }

    private FileEntry check(FileEntry entry) throws IOException {
        if (!entry.path().equals(name)) throw new IOException("not in this tree: " + entry.path());
        return entry;
    }

    @Override
    public void close() throws IOException {
        folder.close();
    }
}
