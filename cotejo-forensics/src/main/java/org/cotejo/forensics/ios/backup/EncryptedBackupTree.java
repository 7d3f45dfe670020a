package org.cotejo.forensics.ios.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.ios.backup.crypto.CbcDecryptingStream;
import org.cotejo.forensics.ios.backup.crypto.ClassKeys;
import org.cotejo.forensics.ios.backup.crypto.WrappedKey;

/**
 * The files of an unlocked encrypted backup. Listing and hashing see the folder as stored (hashes are of
 * the encrypted bytes, which is what the evidence is); {@link #open} gives the plain bytes modules read,
 * decrypted as they stream with the file's own key from Manifest.db. Nothing decrypted is written
 * anywhere by this tree; the decrypted Manifest.db lives in the extraction's private work area. Closing
 * it zeroes the class keys.
 */
public final class EncryptedBackupTree implements FileTree {
    private static final Pattern STORED_FILE = Pattern.compile("([0-9a-f]{2})/\\1[0-9a-f]*");

    private final FolderTree stored;
    private final ManifestDatabase manifest;
    private final ClassKeys keys;
    private final Path decryptedManifest;

    /** {@code decryptedManifest}: the private plain copy of Manifest.db, or null when it is not encrypted (iOS before 10.2). */
    EncryptedBackupTree(FolderTree stored, ManifestDatabase manifest, ClassKeys keys, Path decryptedManifest) {
        this.stored = stored;
        this.manifest = manifest;
        this.keys = keys;
        this.decryptedManifest = decryptedManifest;
    }

    /** The backup folder as stored. */
    FolderTree stored() { return stored; }

    @Override
    public String describe() { return "encrypted backup " + stored.describe(); }

    /** Entries as stored; sizes are those of the stored (encrypted, padded) files. */
    @Override
    public Optional<FileEntry> entry(String path) throws IOException { return stored.entry(path); }

    @Override
    public void walk(Consumer<FileEntry> visitor) throws IOException { stored.walk(visitor); }

    @Override
    public List<FileEntry> glob(String pattern) throws IOException { return stored.glob(pattern); }

    @Override
    public InputStream open(FileEntry entry) throws IOException {
        if (entry.path().equals("Manifest.db") && decryptedManifest != null) return Files.newInputStream(decryptedManifest);
        return decrypting(entry, stored.open(entry));
    }

    /**
     * The plain bytes of {@code entry} read from {@code raw} (its stored bytes): decrypted when it is a
     * file of the backup with a key in the manifest, else {@code raw} itself.
     */
    InputStream decrypting(FileEntry entry, InputStream raw) throws IOException {
        if (!STORED_FILE.matcher(entry.path()).matches()) return raw;
        try {
            String fileId = entry.path().substring(3);
            Optional<byte[]> blob = manifest.fileBlob(fileId);
            if (blob.isEmpty()) return raw;
            MbFile file = MbFile.decode(blob.get());
            WrappedKey key = file.encryptionKey();
            if (key == null) return raw;
            String what = entry.path() + " (" + file.metadata().text("RelativePath") + ")";
            int cls = file.protectionClass() != null ? file.protectionClass().intValue() : key.protectionClass();
            byte[] fileKey;
            try {
                fileKey = keys.unwrap(cls, key);
            } catch (GeneralSecurityException e) {
                throw new IOException(what + ": its key cannot be unwrapped with the key of protection class " + cls
                        + " (" + e.getMessage() + "); the manifest entry is damaged");
            }
            try {
                if (fileKey.length != 32) throw new IOException(what + ": its key is " + fileKey.length + " bytes, not 32");
                Long size = file.size();
                return size != null && size >= 0 ? CbcDecryptingStream.truncatedTo(raw, fileKey, size, what)
                        : CbcDecryptingStream.unpadded(raw, fileKey, what);
            } finally {
                Arrays.fill(fileKey, (byte) 0);
            }
        } catch (IOException | CotejoException e) {
            raw.close();
            if (e instanceof CotejoException) throw new IOException(entry.path() + ": " + e.getMessage(), e);
            throw e;
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public String sha256(FileEntry entry) throws IOException { return stored.sha256(entry); }

    @Override
    public String freshSha256(FileEntry entry) throws IOException { return stored.freshSha256(entry); }

    @Override
    public void close() throws IOException {
        try {
            keys.close();
        } finally {
            stored.close();
        }
    }
}
