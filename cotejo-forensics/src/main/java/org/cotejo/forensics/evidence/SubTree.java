package org.cotejo.forensics.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One folder of another tree seen as the root: a dump wrapped in {@code dump/} or
 * {@code sysdiagnose_2024.01.01_10-00-00+0100_iPhone-OS_iPhone_21A329/} reads as if the folder were the
 * extraction, so module globs such as {@code private/var/mobile/Library/SMS/sms.db} apply as written.
 * Entries keep their own paths relative to the folder; the bytes, hashes and safety rules are the base
 * tree's. Closing this tree closes the base.
 */
public final class SubTree implements FileTree {
    private final FileTree base;
    private final String folder;
    private final String prefix;

    /** @param folder a folder of {@code base}, '/'-separated, without leading or trailing '/' */
    public SubTree(FileTree base, String folder) {
        this.base = Objects.requireNonNull(base, "base");
        if (folder == null || folder.isEmpty() || folder.startsWith("/") || folder.endsWith("/")) {
            throw new IllegalArgumentException("a sub-tree folder is a relative path without a trailing '/': " + folder);
        }
        this.folder = folder;
        this.prefix = folder + "/";
    }

    public FileTree base() { return base; }

    /** The folder of the base tree this tree starts at. */
    public String folder() { return folder; }

    @Override
    public String describe() { return base.describe() + ", folder " + folder; }

    @Override
    public Optional<FileEntry> entry(String path) throws IOException {
        if (path.isEmpty()) return Optional.empty();
        return base.entry(prefix + path).map(this::inside);
    }

    @Override
    public void walk(Consumer<FileEntry> visitor) throws IOException {
        base.walk(e -> {
            if (e.path().startsWith(prefix)) visitor.accept(inside(e));
        });
    }

    @Override
    public List<FileEntry> glob(String pattern) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        if (folder.matches(".*[*?\\[].*")) {
            // The folder's own name would read as a wildcard in the base's glob: match here instead.
            Pattern re = Globs.toRegex(pattern);
            walk(e -> {
                if (re.matcher(e.path()).matches()) out.add(e);
            });
            return out;
        }
        for (FileEntry e : base.glob(prefix + pattern)) out.add(inside(e));
        return out;
    }

    @Override
    public InputStream open(FileEntry entry) throws IOException {
        return base.open(outside(entry));
    }

    @Override
    public String sha256(FileEntry entry) throws IOException {
        return base.sha256(outside(entry));
    }

    @Override
    public String freshSha256(FileEntry entry) throws IOException {
        return base.freshSha256(outside(entry));
    }

    @Override
    public void close() throws IOException {
        base.close();
    }

    private FileEntry inside(FileEntry e) {
        return new FileEntry(e.path().substring(prefix.length()), e.size(), e.modified(), e.type());
    }

    private FileEntry outside(FileEntry e) {
        return new FileEntry(prefix + e.path(), e.size(), e.modified(), e.type());
    }
}
