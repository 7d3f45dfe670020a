package org.cotejo.forensics.android.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.cotejo.core.CotejoException;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.evidence.ArchiveLimits;
import org.cotejo.forensics.ios.backup.PasswordSource;

/** Streams the tar inside a backup to a file: into the work area for reading, or to the analyst's file for {@code decrypt}. */
final class TarWriter {
    private TarWriter() {}

    /**
     * Copies the backup's tar to {@code out}, refusing to write more than the limits allow: a few
     * kilobytes of zlib can inflate to terabytes. {@code where} names the folder written to in a
     * "no space left" message.
     */
    static long copy(AndroidBackupFile ab, OutputStream out, ArchiveLimits limits, Path where) throws IOException {
        long written = 0;
        try (InputStream tar = ab.tarStream()) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = tar.read(buf)) > 0) {
                written += n;
                if (written > limits.maxTotalBytes()) {
                    throw new CotejoException(ab.name() + " holds a tar of more than " + limits.maxTotalBytes() + " bytes (the cap); "
                            + "refusing it as a possible archive bomb. If the backup is genuine, extract it with a trusted tool and "
                            + "give Cotejo the folder");
                }
                if (written >= limits.ratioFloorBytes() && written > limits.maxRatio() * Math.max(1, ab.size())) {
                    throw new CotejoException(ab.name() + " expands to more than " + (long) limits.maxRatio() + " times its size ("
                            + written + " bytes of tar so far); refusing it as a possible archive bomb. If the backup is genuine, "
                            + "extract it with a trusted tool and give Cotejo the folder");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("No space left")) {
                throw new CotejoException("no space left in " + where + " while writing the tar inside " + ab.name() + " (" + written
                        + " bytes written); free space there", e);
            }
            throw e;
        }
        return written;
    }

    static AndroidBackups.Decrypted decrypt(Path ab, PasswordSource password, Path outTar) throws IOException {
        if (!Files.isRegularFile(ab)) throw new CotejoException("no such Android backup file: " + ab);
        Path out = outTar.toAbsolutePath().normalize();
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isSameFile(out, ab)) {
                throw new CotejoException("the output " + outTar + " is the backup itself; give a new file name for the tar");
            }
            throw new CotejoException("the output " + outTar + " already exists; Cotejo does not overwrite files: give a new file name");
        }
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) throw new CotejoException("the folder of the output " + outTar + " does not exist");
        try (AndroidBackupFile backup = AndroidBackupFile.open(ab, password)) {
            // opened (and the password checked) before anything is created, so a wrong password leaves no file
            Path partial = Files.createTempFile(parent, "." + out.getFileName() + ".partial-", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                MessageDigest digest = Hashing.sha256();
                long bytes;
                try (OutputStream file = Files.newOutputStream(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                     DigestOutputStream d = new DigestOutputStream(file, digest)) {
                    bytes = copy(backup, d, ArchiveLimits.DEFAULT, parent);
                }
                place(partial, out, outTar);
                return new AndroidBackups.Decrypted(out, bytes, Hashing.sha256(ab), HexFormat.of().formatHex(digest.digest()), backup.header());
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /**
     * Puts the finished tar at {@code out} without ever replacing a file: a hard link fails if the name
     * was taken meanwhile, where a rename would silently overwrite it.
     */
    private static void place(Path partial, Path out, Path shownAs) throws IOException {
        try {
            Files.createLink(out, partial);
        } catch (FileAlreadyExistsException e) {
            throw new CotejoException("the output " + shownAs + " appeared while the tar was written; Cotejo does not overwrite files", e);
        } catch (UnsupportedOperationException | IOException e) {
            try {
                Files.move(partial, out); // no REPLACE_EXISTING: fails if the name is taken
            } catch (FileAlreadyExistsException taken) {
                throw new CotejoException("the output " + shownAs + " appeared while the tar was written; Cotejo does not overwrite files", taken);
            }
        }
    }
}
