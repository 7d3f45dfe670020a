package org.cotejo.forensics.ios.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.core.Hashing;

/**
 * Writes a decrypted copy of an encrypted backup for other tools: the decrypted Manifest.db, every file
 * present at its {@code id[0:2]/id}, the root property lists as they are (except that Manifest.plist's
 * {@code IsEncrypted} is set to false, so the copy opens as the plain backup it now is), and {@value #HASH_MANIFEST}, which lists for every
 * file its SHA-256 as stored in the evidence and as decrypted, and the manifest's files that were missing
 * from the backup or skipped.
 *
 * <p>The copy is built in a private temporary folder beside the output folder and renamed into place at
 * the end, so a failure (a damaged file, a full disk) leaves no half-written copy. The output folder must
 * be new or empty and outside the evidence.
 */
public final class BackupDecryptor {
    public static final String HASH_MANIFEST = "cotejo-decryption.json";

    /** What was written: counts of files decrypted, of manifest files missing from the backup, and of ids skipped. */
    public record Result(Path folder, int files, int missing, int skipped) {}

    private BackupDecryptor() {}

    public static Result decrypt(Path backup, PasswordSource password, Path outDir) throws IOException {
        Path root = IosBackups.resolve(backup).toRealPath();
        Path out = outDir.toAbsolutePath().normalize();
        refuseUnsafe(root, out);
        try (Extraction x = IosBackups.open(root, password)) {
            if (!(x.tree() instanceof EncryptedBackupTree tree)) {
                throw new CotejoException("the backup " + root + " is not encrypted: there is nothing to decrypt");
            }
            ManifestDatabase manifest = (ManifestDatabase) x.service(BackupManifest.class).orElseThrow();
            Files.createDirectories(out.getParent());
            Path partial = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".partial-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try {
                Result r = write(root, tree, manifest, partial);
                if (Files.exists(out)) Files.delete(out); // checked empty above
                Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
                return new Result(out, r.files(), r.missing(), r.skipped());
            } catch (IOException | RuntimeException e) {
                org.cotejo.core.Folders.delete(partial);
                throw e;
            }
        }
    }

    private static void refuseUnsafe(Path root, Path out) throws IOException {
        Path existing = out;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        Path real = existing == null ? out : existing.toRealPath().resolve(existing.relativize(out)).normalize();
        if (real.startsWith(root)) {
            throw new CotejoException("the output folder " + out + " is inside the backup " + root + "; choose a folder outside the evidence");
        }
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) throw new CotejoException("the output folder " + out + " is a file, not a folder");
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) throw new CotejoException("the output folder " + out + " is not empty; give a new or empty folder");
            }
        }
    }

    private static Result write(Path root, EncryptedBackupTree tree, ManifestDatabase manifest, Path to) throws IOException {
        List<String[]> missing = new ArrayList<>();
        List<String[]> skipped = new ArrayList<>();
        int[] files = {0};
        try (OutputStream json = Files.newOutputStream(to.resolve(HASH_MANIFEST));
             JsonGenerator g = new JsonFactory().createGenerator(json).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("backup", root.toString());
            g.writeArrayFieldStart("files");
            for (FileEntry e : rootFiles(tree)) {
                boolean manifestDb = e.path().equals("Manifest.db");
                copy(tree, e, to.resolve(e.path()), manifestDb, g, null, null);
            }
            try {
                manifest.forEach(m -> {
                    if (!m.isFile()) return;
                    if (!m.fileId().matches("[0-9a-f]{2,}")) {
                        skipped.add(new String[] {m.fileId(), m.domain(), m.relativePath()});
                        return;
                    }
                    try {
                        String path = BackupFileIds.storagePath(m.fileId());
                        FileEntry e = tree.entry(path).filter(FileEntry::isFile).orElse(null);
                        if (e == null) {
                            missing.add(new String[] {m.fileId(), m.domain(), m.relativePath()});
                            return;
                        }
                        Files.createDirectories(to.resolve(m.fileId().substring(0, 2)));
                        copy(tree, e, to.resolve(path), true, g, m.domain(), m.relativePath());
                        files[0]++;
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
            } catch (UncheckedIOException ex) {
                throw ex.getCause();
            }
            g.writeEndArray();
            list(g, "missing", missing);
            list(g, "skipped", skipped);
            g.writeEndObject();
        }
        return new Result(to, files[0], missing.size(), skipped.size());
    }

    /** Root files to copy: Manifest.db (decrypted) and every property list (as stored), by name. */
    private static List<FileEntry> rootFiles(EncryptedBackupTree tree) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        tree.walk(e -> {
            if (e.isFile() && !e.path().contains("/") && (e.path().equals("Manifest.db") || e.path().endsWith(".plist"))) out.add(e);
        });
        return out;
    }

    /** Copies one file, decrypted when {@code decrypt}, hashing the stored bytes and the bytes written on the way. */
    private static void copy(EncryptedBackupTree tree, FileEntry e, Path target, boolean decrypt, JsonGenerator g,
                             String domain, String relativePath) throws IOException {
        MessageDigest stored = Hashing.sha256();
        MessageDigest written = Hashing.sha256();
        try (InputStream raw = new DigestInputStream(tree.stored().open(e), stored);
             InputStream in = e.path().equals("Manifest.plist") ? plainManifestPlist(raw)
                     : !decrypt ? raw : e.path().equals("Manifest.db") ? manifestCopy(tree, e, raw) : tree.decrypting(e, raw);
             OutputStream o = new DigestOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW), written)) {
            in.transferTo(o);
        } catch (IOException ex) {
            throw new CotejoException("cannot decrypt " + e.path() + (relativePath == null ? "" : " (" + domain + "/" + relativePath + ")")
                    + ": " + ex.getMessage() + "; no decrypted copy was written", ex);
        }
        g.writeStartObject();
        g.writeStringField("path", e.path());
        if (domain != null) {
            g.writeStringField("domain", domain);
            g.writeStringField("relative_path", relativePath);
        }
        g.writeStringField("encrypted_sha256", HexFormat.of().formatHex(stored.digest()));
        g.writeStringField("decrypted_sha256", HexFormat.of().formatHex(written.digest()));
        g.writeEndObject();
    }

    /**
     * Manifest.plist with {@code IsEncrypted} set to false: the copy's files are decrypted, and a reader
     * must not try to decrypt them again (an iOS 10.0/10.1 backup's Manifest.db is plain even when its
     * files are encrypted, so the flag is the only sign). The hash manifest keeps the stored file's hash.
     */
    private static InputStream plainManifestPlist(InputStream raw) throws IOException {
        byte[] bytes = raw.readNBytes(16 << 20);
        if (raw.read() >= 0) throw new CotejoException("Manifest.plist is larger than 16 MiB");
        if (!(org.cotejo.forensics.plist.Plists.parse(bytes, "Manifest.plist") instanceof com.dd.plist.NSDictionary d)) {
            throw new CotejoException("Manifest.plist is not a dictionary");
        }
        d.put("IsEncrypted", false);
        return new java.io.ByteArrayInputStream(com.dd.plist.BinaryPropertyListWriter.writeToArray(d));
    }

    /** Manifest.db was decrypted when the backup was opened: hash the stored bytes, copy the decrypted ones. */
    private static InputStream manifestCopy(EncryptedBackupTree tree, FileEntry e, InputStream raw) throws IOException {
        raw.transferTo(OutputStream.nullOutputStream());
        return tree.open(e);
    }

    private static void list(JsonGenerator g, String name, List<String[]> rows) throws IOException {
        g.writeArrayFieldStart(name);
        for (String[] r : rows) {
            g.writeStartObject();
            g.writeStringField("file_id", r[0]);
            g.writeStringField("domain", r[1]);
            g.writeStringField("relative_path", r[2]);
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
