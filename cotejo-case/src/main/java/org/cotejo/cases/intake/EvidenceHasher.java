package org.cotejo.cases.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.core.CotejoException;
import org.cotejo.core.Hashing;

/**
 * Hashes an evidence item: every regular file under a folder (or the one file given), streaming SHA-256,
 * files spread over the cores. Symbolic links are never followed (they are listed in {@link Result#links}
 * so the intake can say so). The manifest hash identifies the item: the same files with the same bytes
 * give the same manifest, wherever they are.
 */
public final class EvidenceHasher {
    private EvidenceHasher() {}

    /**
     * @param files    every regular file, sorted by path
     * @param links    symbolic links found (not followed), sorted
     * @param manifest SHA-256 of the lines "sha256  size  path\n" of the files, in path order
     */
    public record Result(List<EvidenceFile> files, List<String> links, String manifest) {
        public long totalBytes() {
            return files.stream().mapToLong(EvidenceFile::size).sum();
        }
    }

    /** Hashes the item at {@code root} with {@code threads} threads (the cores, when 0). */
    public static Result hash(Path root, int threads) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) throw new CotejoException("no such file or folder: " + root);
        List<Path> paths = new ArrayList<>();
        List<String> links = new ArrayList<>();
        Path base = Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) ? root : root.getParent();
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) paths.add(file);
                    else if (attrs.isSymbolicLink()) links.add(relative(base, file));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    throw new CotejoException("cannot read " + file + ": " + exc.getMessage());
                }
            });
        } else if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS)) {
            paths.add(root);
        } else {
            throw new CotejoException(root + " is neither a regular file nor a folder");
        }
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<EvidenceFile> files;
        ForkJoinPool pool = new ForkJoinPool(n);
        try {
            files = pool.submit(() -> paths.parallelStream().map(p -> one(base, p)).toList()).join();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            if (e.getCause() instanceof CotejoException c) throw c;
            throw e;
        } finally {
            pool.shutdown();
        }
        List<EvidenceFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(EvidenceFile::path));
        links.sort(null);
        return new Result(List.copyOf(sorted), List.copyOf(links), manifest(sorted));
    }

    /** The manifest hash of a file list (as {@link #hash} computes it). */
    public static String manifest(List<EvidenceFile> sortedFiles) {
        MessageDigest md = Hashing.sha256();
        for (EvidenceFile f : sortedFiles) {
            md.update((f.sha256() + "  " + f.size() + "  " + f.path() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }


    private static EvidenceFile one(Path base, Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new EvidenceFile(relative(base, p), a.size(), a.lastModifiedTime().toInstant(), Hashing.sha256(p));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot hash " + p + ": " + e.getMessage(), e));
        }
    }

    private static String relative(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }

}
