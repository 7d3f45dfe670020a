package org.cotejo.forensics.network.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.Globs;

/**
 * One capture file of a folder seen as a tree of its own, so that opening {@code /cases/x/phone.pcap}
 * reads that file and not its neighbours. The tree owns the folder tree under it.
 */
final class CaptureFileTree implements FileTree {
    private final FileTree base;
    private final FileEntry entry;

    CaptureFileTree(FileTree base, FileEntry entry) {
        this.base = base;
        this.entry = entry;
    }

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

    @Override public InputStream open(FileEntry e) throws IOException { return base.open(own(e)); }

    @Override public String sha256(FileEntry e) throws IOException { return base.sha256(own(e)); }

    @Override public String freshSha256(FileEntry e) throws IOException { return base.freshSha256(own(e)); }

    private FileEntry own(FileEntry e) throws IOException {
        if (!entry.path().equals(e.path())) throw new IOException("no entry " + e.path() + " in " + describe());
        return entry;
    }

    @Override public void close() throws IOException { base.close(); }
}
