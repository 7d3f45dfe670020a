package org.cotejo.forensics.android.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.core.Folders;
import org.cotejo.forensics.evidence.ArchiveLimits;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.forensics.module.FsLocator;

/**
 * Opens Android backups as extractions whose files are those of the tar inside ({@code apps/<package>/…}).
 * A {@code .ab} file is streamed once (decrypted and inflated as it is read) into a plain tar in the
 * extraction's private work area, which {@link ArchiveTree} then reads in place with its guards: entries
 * that would escape the tree ({@code ../x}) are not listed and are reported by
 * {@link ArchiveTree#skipped()} (the extraction carries its {@code ArchiveTree} as a service). The tar is
 * removed with the work area when the extraction is closed. A folder holding an already extracted backup
 * is read as it is. The {@link AndroidBackupHeader} of a {@code .ab} is attached as a service too.
 */
public final class AndroidBackups {
    private static final String TAR_NAME = "backup.tar";

    private AndroidBackups() {}

    /** A {@code .ab} file (its password asked of {@code password} only if it is encrypted), or an extracted backup folder. */
    public static Extraction open(Path path, PasswordSource password) throws IOException {
        return open(path, password, ArchiveLimits.DEFAULT);
    }

    /** As {@link #open(Path, PasswordSource)}, with caps on the tar's size and entry count. */
    public static Extraction open(Path path, PasswordSource password, ArchiveLimits limits) throws IOException {
        if (Files.isDirectory(path)) return folder(path);
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        WorkArea work = WorkArea.create();
        try (AndroidBackupFile ab = AndroidBackupFile.open(path, password)) {
            return extraction(ab, path, work.newFolder("backup"), work, limits);
        } catch (IOException | RuntimeException e) {
            work.close();
            throw e;
        }
    }

    /**
     * The backup stored as {@code entry} of another extraction (an AndroidQF collection's {@code backup.ab}),
     * read from {@code tree} without being copied out whole. The decrypted tar is written into a new
     * private folder of {@code work}, the work area of the extraction that holds the backup; it is removed
     * when the returned extraction is closed (or with {@code work}, whichever comes first). The returned
     * extraction also has its own work area, removed when it is closed. If the backup cannot be opened
     * (not a backup, wrong password, damaged) nothing is left in {@code work}.
     * Attach the result with {@code outer.withNested(inner, entry.path())}.
     */
    public static Extraction nested(FileTree tree, FileEntry entry, WorkArea work, PasswordSource password) throws IOException {
        String name = entry.path() + " in " + tree.describe();
        Path folder = work.newFolder("backup.ab");
        WorkArea own = WorkArea.create();
        try (AndroidBackupFile ab = AndroidBackupFile.open(() -> tree.open(entry), entry.size(), name, Path.of(entry.path()), password)) {
            return extraction(ab, Path.of(entry.path()), folder, own, ArchiveLimits.DEFAULT)
                    .with(TarCopy.class, new TarCopy(folder));
        } catch (IOException | RuntimeException e) {
            Folders.delete(folder);
            own.close();
            throw e;
        }
    }

    /**
     * Writes the tar inside the backup at {@code ab} to {@code outTar} (what {@code cotejo decrypt
     * android-backup} does), for an encrypted backup or a plain one alike. The tar is written to a
     * private temporary file beside {@code outTar} and put in place only once whole, so a failure leaves
     * nothing behind; an existing {@code outTar} (the backup itself included) is never overwritten.
     */
    public static Decrypted decrypt(Path ab, PasswordSource password, Path outTar) throws IOException {
        return TarWriter.decrypt(ab, password, outTar);
    }

    /**
     * What {@link #decrypt} did.
     *
     * @param tar          the tar written
     * @param bytes        its size
     * @param backupSha256 SHA-256 of the backup file as it is on disk
     * @param tarSha256    SHA-256 of the tar written
     * @param header       the backup's header (version, compression, encryption)
     */
    public record Decrypted(Path tar, long bytes, String backupSha256, String tarSha256, AndroidBackupHeader header) {}

    /** The decrypted tar of a nested backup, in the holder's work area: closing the extraction removes it. */
    private record TarCopy(Path folder) implements AutoCloseable {
        @Override
        public void close() {
            Folders.delete(folder); // the tree's open channel still reads the unlinked file until it is closed next
        }
    }

    private static Extraction extraction(AndroidBackupFile ab, Path origin, Path folder, WorkArea work, ArchiveLimits limits)
            throws IOException {
        Path tar = folder.resolve(TAR_NAME);
        try (OutputStream out = Files.newOutputStream(tar, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            TarWriter.copy(ab, out, limits, work.root());
        }
        ArchiveTree tree;
        try {
            tree = ArchiveTree.open(tar, work, limits);
        } catch (CotejoException e) {
            // the tar is Cotejo's own copy in the work area: name the evidence instead
            throw new CotejoException(e.getMessage().replace("archive " + tar.toAbsolutePath().normalize(), "the tar inside " + ab.name()), e);
        }
        return new Extraction(EvidenceKind.ANDROID_BACKUP, origin, tree, new FsLocator(tree), work, Map.of())
                .with(ArchiveTree.class, tree)
                .with(AndroidBackupHeader.class, ab.header());
    }

    /**
     * A folder holding an extracted backup: the tar's {@code apps/} (and, for {@code adb backup -shared},
     * {@code shared/}) at its top.
     */
    private static Extraction folder(Path path) throws IOException {
        FolderTree tree = new FolderTree(path);
        boolean backup = tree.entry("apps").filter(FileEntry::isDirectory).isPresent()
                || tree.entry("shared").filter(FileEntry::isDirectory).isPresent();
        if (!backup) {
            tree.close();
            throw new CotejoException(path + " is not an extracted Android backup: it has no apps/ folder (an extracted backup.ab holds "
                    + "apps/<package>/…); give the .ab file itself or the folder its tar was extracted to");
        }
        WorkArea work = WorkArea.create();
        return new Extraction(EvidenceKind.ANDROID_BACKUP, path, tree, new FsLocator(tree), work, Map.of());
    }
}
