package org.cotejo.forensics.ios.safari;

import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.ios.backup.BackupFileIds;
import org.cotejo.forensics.ios.backup.IosBackups;
import org.cotejo.forensics.testing.Sqlite;

/**
 * Writes a small unencrypted iTunes/Finder backup: Info.plist, a Manifest.db listing each file, and
 * each file stored under its file id, as iOS lays it out. Shared by the browser and network-usage
 * module tests.
 */
public final class BackupFolder implements AutoCloseable {
    private final Path root;
    private final Sqlite manifest;

    private BackupFolder(Path root, Sqlite manifest) {
        this.root = root;
        this.manifest = manifest;
    }

    public static BackupFolder create(Path root) throws Exception {
        Files.createDirectories(root);
        NSDictionary info = new NSDictionary();
        info.put("Product Version", "16.5");
        PropertyListParser.saveAsXML(info, root.resolve("Info.plist").toFile());
        Sqlite m = Sqlite.create(root.resolve("Manifest.db")).exec(
                "CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB)",
                "CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)");
        return new BackupFolder(root, m);
    }

    /** Lists {@code domain}/{@code relativePath} in the manifest and returns where its bytes go. */
    public Path file(String domain, String relativePath) throws Exception {
        String id = BackupFileIds.of(domain, relativePath);
        manifest.insert("INSERT INTO Files (fileID, domain, relativePath, flags, file) VALUES (?, ?, ?, 1, NULL)",
                id, domain, relativePath);
        Path stored = root.resolve(id.substring(0, 2)).resolve(id);
        Files.createDirectories(stored.getParent());
        return stored;
    }

    /** Closes the manifest and opens the backup as Cotejo reads it. */
    public Extraction open() throws Exception {
        manifest.close();
        return IosBackups.open(root);
    }

    @Override
    public void close() throws Exception {
        manifest.close();
    }
}
