package org.cotejo.forensics.ios.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.ios.backup.crypto.CbcDecryptingStream;
import org.cotejo.forensics.ios.backup.crypto.ClassKeys;
import org.cotejo.forensics.ios.backup.crypto.Keybag;
import org.cotejo.forensics.ios.backup.crypto.WrappedKey;

/**
 * Unlocks an encrypted backup: password → key (keybag KDF) → class keys → Manifest.db decrypted into the
 * work area → a tree that decrypts each file as it is read.
 */
final class EncryptedBackups {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private EncryptedBackups() {}

    static String missingPassword(Path root) {
        return "the backup " + root + " is encrypted; give its password with --password-file, the "
                + PasswordSource.ENVIRONMENT_VARIABLE + " environment variable, or at the prompt";
    }

    static Extraction open(Path origin, Path root, FolderTree stored, ManifestPlist plist, PasswordSource source, WorkArea work)
            throws IOException {
        if (plist.keybag() == null) throw new CotejoException(root + "/Manifest.plist says the backup is encrypted but has no BackupKeyBag");
        Keybag keybag = Keybag.parse(plist.keybag());
        ClassKeys keys = unlock(root, keybag, source);
        ManifestDatabase manifest = null;
        try {
            Path copy = work.newFolder("manifest").resolve("Manifest.db");
            FileEntry stored0 = stored.entry("Manifest.db").orElseThrow(() -> new CotejoException(root + " has no Manifest.db"));
            Path decrypted = null;
            if (plist.manifestKey() != null) {
                decryptManifest(root, stored, stored0, WrappedKey.parse(plist.manifestKey(), "Manifest.plist ManifestKey"), keys, copy);
                decrypted = copy;
            } else {
                try (InputStream in = stored.open(stored0)) {
                    Files.copy(in, copy);
                }
            }
            manifest = ManifestDatabase.open(copy, root.resolve("Manifest.db").toString(), MbFile::metadataOrNull);
            EncryptedBackupTree tree = new EncryptedBackupTree(stored, manifest, keys, decrypted);
            return new Extraction(EvidenceKind.IOS_BACKUP, origin, tree, new BackupLocator(tree, manifest), work,
                    IosBackups.identifiers(stored)).with(BackupManifest.class, manifest);
        } catch (IOException | RuntimeException e) {
            if (manifest != null) manifest.close();
            keys.close();
            throw e;
        }
    }

    private static ClassKeys unlock(Path root, Keybag keybag, PasswordSource source) {
        char[] password = source.password(root);
        if (password == null) throw new CotejoException(missingPassword(root));
        byte[] bytes = PasswordSource.utf8(password);
        Arrays.fill(password, '\0');
        byte[] kek = null;
        try {
            kek = keybag.deriveKey(bytes);
            return keybag.unlock(kek);
        } catch (GeneralSecurityException e) {
            throw new CotejoException("wrong password for the encrypted backup " + root);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (kek != null) Arrays.fill(kek, (byte) 0);
        }
    }

    /** Decrypts Manifest.db (whole, zero IV, padding kept) into {@code copy} and checks it is SQLite. */
    private static void decryptManifest(Path root, FolderTree stored, FileEntry entry, WrappedKey manifestKey, ClassKeys keys,
                                        Path copy) throws IOException {
        byte[] key;
        try {
            key = keys.unwrap(manifestKey.protectionClass(), manifestKey);
        } catch (GeneralSecurityException e) {
            throw new CotejoException(root + "/Manifest.plist: its ManifestKey cannot be unwrapped (" + e.getMessage() + "); the backup is damaged");
        }
        try (InputStream in = CbcDecryptingStream.whole(stored.open(entry), key, root + "/Manifest.db");
             OutputStream out = Files.newOutputStream(copy)) {
            in.transferTo(out);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        if (!isSqlite(copy)) throw new CotejoException(root + "/Manifest.db does not decrypt to a SQLite database; the backup is damaged");
    }

    /** Whether the file starts with SQLite's header (a plain Manifest.db, or one decrypted already). */
    static boolean isSqlite(InputStream in) throws IOException {
        return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
    }

    private static boolean isSqlite(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return isSqlite(in);
        }
    }
}
