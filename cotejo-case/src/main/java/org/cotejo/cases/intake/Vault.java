package org.cotejo.cases.intake;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.core.CotejoException;

/**
 * The case's evidence vault: evidence copied into the case folder, made read-only, and checked against
 * the hashes taken at intake. The copy is made in a hidden folder and renamed when complete.
 */
public final class Vault {
    private Vault() {}

    /**
     * Copies the item at {@code source} to {@code target} (a new folder), makes every file read-only
     * and checks each copied file's SHA-256 against {@code expected}. Symbolic links are not copied.
     */
    public static void copy(Path source, Path target, List<EvidenceFile> expected) throws IOException {
        if (Files.exists(target)) throw new CotejoException("the vault already holds " + target);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-");
        try {
            Path base = Files.isDirectory(source) ? source : source.getParent();
            for (EvidenceFile f : expected) {
                Path from = base.resolve(f.path());
                Path to = partial.resolve(f.path());
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                String copied = org.cotejo.core.Hashing.sha256(to);
                if (!copied.equals(f.sha256())) {
                    throw new CotejoException(from + " changed while it was copied into the vault (SHA-256 " + f.sha256()
                            + " at intake, " + copied + " in the copy)");
                }
            }
            readOnly(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            writable(partial);
            try {
                org.cotejo.core.Folders.delete(partial);
            } catch (java.io.UncheckedIOException ignored) {
                // a failed copy that cannot be removed stays hidden (".partial-") and is named in no record
            }
            throw e;
        }
    }

    private static void readOnly(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (!dir.equals(root)) Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-x---"));
                return FileVisitResult.CONTINUE;
            }
        });
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-x---"));
    }

    private static void writable(Path root) {
        try {
            if (!Files.exists(root)) return;
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort before removing a failed copy
        }
    }
}
