package org.cotejo.forensics.evidence;

import org.cotejo.core.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.cotejo.core.CotejoException;

/**
 * An extraction that is a folder on disk. Symbolic links are listed as links and never followed, so
 * nothing outside the folder is ever read; paths with '..' are refused.
 */
public final class FolderTree implements FileTree {
    private final Path root;
    /** Each file's hash, computed once: a second caller (the modules, while the hashing thread is at it) waits for the first. */
    private final Map<String, java.util.concurrent.CompletableFuture<String>> hashes = new ConcurrentHashMap<>();
    private volatile List<FileEntry> listing;

    public FolderTree(Path root) {
        if (!Files.isDirectory(root)) throw new CotejoException("not a folder: " + root);
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() { return root; }

    @Override
    public String describe() { return "folder " + root; }

    @Override
    public Optional<FileEntry> entry(String path) throws IOException {
        Path p = resolve(path);
        if (p == null || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        return Optional.of(toEntry(p, Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
    }

    @Override
    public void walk(Consumer<FileEntry> visitor) throws IOException {
        for (FileEntry e : listing()) visitor.accept(e);
    }

    @Override
    public List<FileEntry> glob(String pattern) throws IOException {
        Pattern re = Globs.toRegex(pattern);
        String literal = Globs.literalPrefixFolder(pattern);
        Path start = literal.isEmpty() ? root : resolve(literal);
        if (start == null || !Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            if (!literal.isEmpty() && literal.equals(pattern)) {
                return entry(pattern).map(List::of).orElse(List.of());
            }
            return List.of();
        }
        int depth = pattern.split("/", -1).length - (literal.isEmpty() ? 0 : literal.split("/", -1).length);
        List<FileEntry> out = new ArrayList<>();
        Files.walkFileTree(start, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), Math.max(depth, 0),
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(start)) consider(dir, attrs);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        consider(file, attrs);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }

                    private void consider(Path p, BasicFileAttributes attrs) {
                        String rel = relative(p);
                        if (re.matcher(rel).matches()) out.add(toEntry(p, attrs));
                    }
                });
        out.sort(java.util.Comparator.comparing(FileEntry::path));
        return out;
    }

    @Override
    public InputStream open(FileEntry entry) throws IOException {
        Path p = resolve(entry.path());
        if (p == null || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new CotejoException("not a regular file in the extraction: " + entry.path());
        }
        return Files.newInputStream(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public String sha256(FileEntry entry) throws IOException {
        var mine = new java.util.concurrent.CompletableFuture<String>();
        var known = hashes.putIfAbsent(entry.path(), mine);
        if (known == null) {
            try (InputStream in = open(entry)) {
                mine.complete(Hashing.sha256(in));
            } catch (IOException | RuntimeException e) {
                hashes.remove(entry.path(), mine); // a later call tries again
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
        try {
            return known.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) throw new IOException(io.getMessage(), io);
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    @Override
    public String freshSha256(FileEntry entry) throws IOException {
        try (InputStream in = open(entry)) {
            return Hashing.sha256(in);
        }
    }

    /** The file on disk, for readers that need random access (never to be written). */
    public Path pathOf(FileEntry entry) {
        Path p = resolve(entry.path());
        if (p == null) throw new CotejoException("path escapes the extraction: " + entry.path());
        return p;
    }

    @Override
    public void close() {}

    private List<FileEntry> listing() throws IOException {
        List<FileEntry> l = listing;
        if (l != null) return l;
        List<FileEntry> out = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) out.add(toEntry(dir, attrs));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                out.add(toEntry(file, attrs));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(java.util.Comparator.comparing(FileEntry::path));
        listing = List.copyOf(out);
        return listing;
    }

    private FileEntry toEntry(Path p, BasicFileAttributes a) {
        FileEntry.Type type = a.isSymbolicLink() ? FileEntry.Type.SYMLINK
                : a.isDirectory() ? FileEntry.Type.DIRECTORY : FileEntry.Type.FILE;
        return new FileEntry(relative(p), a.isRegularFile() ? a.size() : 0, a.lastModifiedTime().toInstant(), type);
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private Path resolve(String path) {
        if (path.startsWith("/") || path.contains("\\")) return null;
        for (String seg : path.split("/")) if (seg.equals("..")) return null;
        Path p = root.resolve(path).normalize();
        return p.startsWith(root) ? p : null;
    }
}
