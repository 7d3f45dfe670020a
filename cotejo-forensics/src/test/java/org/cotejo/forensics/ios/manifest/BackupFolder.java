package org.cotejo.forensics.ios.manifest;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.UID;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.ios.backup.BackupFileIds;
import org.cotejo.forensics.ios.backup.IosBackups;
import org.cotejo.forensics.testing.Sqlite;

/**
 * Writes an unencrypted iTunes/Finder backup folder the way a Mac does: Info.plist, Manifest.plist,
 * Manifest.db with the real Files schema (each row's metadata an NSKeyedArchiver MBFile), and every
 * file stored at {@code id[0:2]/id}. Shared by the tests of the backup-only modules.
 */
public final class BackupFolder {
    private final Path root;
    private final NSDictionary info = new NSDictionary();
    private final List<Object[]> rows = new ArrayList<>();

    private BackupFolder(Path root) {
        this.root = root;
        info.put("Device Name", "Test iPhone");
        info.put("Product Type", "iPhone14,2");
        info.put("Product Version", "16.5");
        info.put("Unique Identifier", "00008110-000A1B2C3D4E5F6A");
    }

    public static BackupFolder at(Path root) {
        return new BackupFolder(root);
    }

    /** Sets (or replaces) an Info.plist key; values as dd-plist converts them (String, Date, byte[], maps...). */
    public BackupFolder info(String key, Object value) {
        info.put(key, value);
        return this;
    }

    /** Stores a file and lists it in the manifest. */
    public BackupFolder file(String domain, String relativePath, byte[] content) throws IOException {
        String id = BackupFileIds.of(domain, relativePath);
        Path stored = root.resolve(BackupFileIds.storagePath(id));
        Files.createDirectories(stored.getParent());
        Files.write(stored, content);
        rows.add(new Object[] {id, domain, relativePath, 1, mbFile(relativePath, 0100644, content.length, 1_600_000_000L)});
        return this;
    }

    /** Stores a property list as a binary plist file. */
    public BackupFolder plist(String domain, String relativePath, NSObject plist) throws IOException {
        return file(domain, relativePath, BinaryPropertyListWriter.writeToArray(plist));
    }

    /** Lists a folder in the manifest (folders have no stored file). */
    public BackupFolder folder(String domain, String relativePath) throws IOException {
        rows.add(new Object[] {BackupFileIds.of(domain, relativePath), domain, relativePath, 2,
                mbFile(relativePath, 040755, 0, 1_600_000_000L)});
        return this;
    }

    /** Writes Info.plist, Manifest.plist and Manifest.db, then opens the backup. */
    public Extraction open() throws Exception {
        Files.createDirectories(root);
        BinaryPropertyListWriter.write(info, root.resolve("Info.plist").toFile());
        NSDictionary manifest = new NSDictionary();
        manifest.put("IsEncrypted", false);
        manifest.put("Version", "10.0");
        BinaryPropertyListWriter.write(manifest, root.resolve("Manifest.plist").toFile());
        try (Sqlite db = Sqlite.create(root.resolve("Manifest.db"))) {
            db.exec("CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB)",
                    "CREATE INDEX FilesDomainIdx ON Files(domain)",
                    "CREATE INDEX FilesRelativePathIdx ON Files(relativePath)",
                    "CREATE INDEX FilesFlagsIdx ON Files(flags)",
                    "CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)");
            for (Object[] row : rows) db.insert("INSERT INTO Files VALUES (?, ?, ?, ?, ?)", row);
        }
        return IosBackups.open(root);
    }

    public Path root() { return root; }

    /** The {@code file} column: an NSKeyedArchiver archive whose root object is an MBFile. */
    static byte[] mbFile(String relativePath, int mode, long size, long time) throws IOException {
        NSDictionary file = new NSDictionary();
        file.put("Birth", time);
        file.put("LastModified", time + 60);
        file.put("LastStatusChange", time + 60);
        file.put("Mode", mode);
        file.put("UserID", 501);
        file.put("GroupID", 501);
        file.put("Size", size);
        file.put("InodeNumber", 123456);
        file.put("ProtectionClass", 3);
        file.put("Flags", 0);
        file.put("RelativePath", new UID("path", new byte[] {2}));
        file.put("$class", new UID("class", new byte[] {3}));
        NSDictionary cls = new NSDictionary();
        cls.put("$classname", "MBFile");
        cls.put("$classes", new NSArray(new NSString("MBFile"), new NSString("NSObject")));
        NSDictionary top = new NSDictionary();
        top.put("root", new UID("root", new byte[] {1}));
        NSDictionary archive = new NSDictionary();
        archive.put("$version", 100000);
        archive.put("$archiver", "NSKeyedArchiver");
        archive.put("$top", top);
        archive.put("$objects", new NSArray(new NSString("$null"), file, new NSString(relativePath), cls));
        return BinaryPropertyListWriter.writeToArray(archive);
    }
}
