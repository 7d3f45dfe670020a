package org.cotejo.forensics.ios.backup.write;

import com.dd.plist.NSObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.cotejo.forensics.ios.backup.BackupFileIds;

/**
 * Builds a real iTunes/Finder backup folder: Info.plist, Manifest.plist, Status.plist, Manifest.db (the
 * real {@code Files} and {@code Properties} tables, with NSKeyedArchiver MBFile blobs), each file at
 * {@code id[0:2]/id}, and rows for the folders above each file. Encrypted backups get a password-wrapped
 * keybag, a ManifestKey and an encrypted Manifest.db, and a key of its own for each file (AES-256-CBC,
 * zero IV, PKCS#7 padding, as iOS writes them). Used by tests, benchmark generators and the simulator.
 *
 * <p>Files are written to disk as they are added, so large backups need not fit in memory; the
 * property lists and the manifest are completed by {@link #finish()}.
 */
public final class BackupWriter implements AutoCloseable {
    /** Flags of Manifest.db rows. */
    static final int FILE = 1, DIRECTORY = 2, SYMLINK = 4;
    /** Protection class given to files when none is said (NSFileProtectionCompleteUntilFirstUserAuthentication). */
    public static final int DEFAULT_PROTECTION_CLASS = 3;

    private final Path folder;
    private final BackupDevice device;
    private final WriterKeys keys;
    private final boolean encryptManifest;
    private final Path manifestDb;
    private final Connection db;
    private final PreparedStatement insert;
    private final TreeSet<String> directories = new TreeSet<>();
    private final Map<String, BackupPlists.App> apps = new TreeMap<>();
    private final Map<String, NSObject> extraInfo = new LinkedHashMap<>();
    private long inode = 1000;
    private boolean finished;

    private BackupWriter(Path folder, BackupDevice device, BackupEncryption encryption) throws IOException {
        this.folder = folder;
        this.device = device;
        Files.createDirectories(folder);
        this.keys = encryption == null ? null : new WriterKeys(encryption);
        this.encryptManifest = encryption != null && !encryption.legacyFormat();
        this.manifestDb = encryptManifest ? Files.createTempFile("cotejo-manifest-", ".db") : folder.resolve("Manifest.db");
        try {
            Files.deleteIfExists(manifestDb);
            db = DriverManager.getConnection("jdbc:sqlite:" + manifestDb);
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB)");
                s.execute("CREATE INDEX FilesDomainIdx ON Files(domain)");
                s.execute("CREATE INDEX FilesRelativePathIdx ON Files(relativePath)");
                s.execute("CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)");
            }
            db.setAutoCommit(false);
            insert = db.prepareStatement("INSERT INTO Files (fileID, domain, relativePath, flags, file) VALUES (?, ?, ?, ?, ?)");
        } catch (SQLException e) {
            throw new IOException("cannot create Manifest.db at " + manifestDb + ": " + e.getMessage(), e);
        }
    }

    /** A plain backup in {@code folder} (created if needed; existing backup files in it are overwritten). */
    public static BackupWriter create(Path folder, BackupDevice device) throws IOException {
        return new BackupWriter(folder, device, null);
    }

    /** An encrypted backup in {@code folder}. */
    public static BackupWriter createEncrypted(Path folder, BackupDevice device, BackupEncryption encryption) throws IOException {
        return new BackupWriter(folder, device, encryption);
    }

    /** A file (mode 0644, modified at the backup date, default protection class). */
    public BackupWriter file(String domain, String relativePath, byte[] bytes) throws IOException {
        return file(domain, relativePath, bytes, 0100644, device.backupDate(), DEFAULT_PROTECTION_CLASS);
    }

    /** A file with its Unix mode (e.g. 0100644), modification time and protection class (1 to 11). */
    public BackupWriter file(String domain, String relativePath, byte[] bytes, int mode, Instant modified, int protectionClass)
            throws IOException {
        String id = BackupFileIds.of(domain, relativePath);
        Path stored = folder.resolve(id.substring(0, 2)).resolve(id);
        Files.createDirectories(stored.getParent());
        byte[] wrappedKey = null;
        if (keys == null) {
            Files.write(stored, bytes);
        } else {
            byte[] key = keys.newKey();
            try (OutputStream out = encrypting(Files.newOutputStream(stored), key, true)) {
                out.write(bytes);
            } finally {
                wrappedKey = keys.wrap(protectionClass, key);
                Arrays.fill(key, (byte) 0);
            }
        }
        row(id, domain, relativePath, FILE, MbFiles.file(relativePath, bytes.length, mode, modified, ++inode, protectionClass, wrappedKey));
        parents(domain, relativePath);
        return this;
    }

    /** A folder row (mode 0755); the folders above every file are added on their own. */
    public BackupWriter directory(String domain, String relativePath) {
        directories.add(domain + "\0" + relativePath);
        parents(domain, relativePath);
        return this;
    }

    /** A symbolic link row (no stored file), pointing at {@code target}. */
    public BackupWriter symlink(String domain, String relativePath, String target) throws IOException {
        row(BackupFileIds.of(domain, relativePath), domain, relativePath, SYMLINK,
                MbFiles.symlink(relativePath, target, device.backupDate(), ++inode));
        parents(domain, relativePath);
        return this;
    }

    /** An installed app, listed in Info.plist "Applications" with its iTunesMetadata plist and placeholder icon. */
    public BackupWriter application(String bundleId, byte[] iTunesMetadata, byte[] placeholderIcon) {
        apps.put(bundleId, new BackupPlists.App(bundleId, iTunesMetadata, placeholderIcon));
        return this;
    }

    /** Another Info.plist value (e.g. "iTunes Settings"), written after the device's own. */
    public BackupWriter infoValue(String key, NSObject value) {
        extraInfo.put(key, value);
        return this;
    }

    /** Writes the manifest and the property lists; returns the backup folder. */
    public Path finish() throws IOException {
        if (finished) return folder;
        for (String d : directories) {
            int nul = d.indexOf('\0');
            String domain = d.substring(0, nul), path = d.substring(nul + 1);
            row(BackupFileIds.of(domain, path), domain, path, DIRECTORY, MbFiles.directory(path, device.backupDate(), ++inode), true);
        }
        byte[] manifestKey = null;
        try {
            db.commit();
            insert.close();
            db.close();
        } catch (SQLException e) {
            throw new IOException("cannot complete Manifest.db: " + e.getMessage(), e);
        }
        if (encryptManifest) {
            byte[] key = keys.newKey();
            try (InputStream in = Files.newInputStream(manifestDb);
                 OutputStream out = encrypting(Files.newOutputStream(folder.resolve("Manifest.db")), key, false)) {
                in.transferTo(out);
            } finally {
                manifestKey = keys.wrap(WriterKeys.MANIFEST_CLASS, key);
                Arrays.fill(key, (byte) 0);
                Files.deleteIfExists(manifestDb);
            }
        }
        BackupPlists.info(folder.resolve("Info.plist"), device, apps, extraInfo);
        BackupPlists.manifest(folder.resolve("Manifest.plist"), device, apps, keys == null ? null : keys.keybag(), manifestKey);
        BackupPlists.status(folder.resolve("Status.plist"), device);
        finished = true;
        close();
        return folder;
    }

    private void row(String id, String domain, String relativePath, int flags, byte[] blob) throws IOException {
        row(id, domain, relativePath, flags, blob, false);
    }

    private void row(String id, String domain, String relativePath, int flags, byte[] blob, boolean ifAbsent) throws IOException {
        try {
            if (ifAbsent) {
                try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM Files WHERE fileID = ?")) {
                    q.setString(1, id);
                    if (q.executeQuery().next()) return;
                }
            }
            insert.setString(1, id);
            insert.setString(2, domain);
            insert.setString(3, relativePath);
            insert.setInt(4, flags);
            insert.setBytes(5, blob);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot add " + domain + "/" + relativePath + " to Manifest.db (added twice?): " + e.getMessage(), e);
        }
    }

    /** The domain root ("") and every folder above {@code relativePath} get a directory row. */
    private void parents(String domain, String relativePath) {
        directories.add(domain + "\0");
        for (int i = relativePath.indexOf('/'); i > 0; i = relativePath.indexOf('/', i + 1)) {
            directories.add(domain + "\0" + relativePath.substring(0, i));
        }
    }

    /** AES-256-CBC with a zero IV; iOS pads files (PKCS#7) but not Manifest.db, whose size is whole pages. */
    private static OutputStream encrypting(OutputStream out, byte[] key, boolean padded) throws IOException {
        try {
            Cipher c = Cipher.getInstance(padded ? "AES/CBC/PKCS5Padding" : "AES/CBC/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return new CipherOutputStream(out, c);
        } catch (GeneralSecurityException e) {
            out.close();
            throw new IOException("AES-256-CBC is part of every Java runtime", e);
        }
    }

    /** Releases the manifest being written; without {@link #finish()} the folder is left incomplete. */
    @Override
    public void close() throws IOException {
        try {
            if (!db.isClosed()) db.close();
        } catch (SQLException e) {
            throw new IOException("cannot close Manifest.db: " + e.getMessage(), e);
        } finally {
            if (keys != null) keys.close();
            if (encryptManifest && !finished) Files.deleteIfExists(manifestDb);
        }
    }
}
