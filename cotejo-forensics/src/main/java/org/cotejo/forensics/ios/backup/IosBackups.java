package org.cotejo.forensics.ios.backup;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.plist.Plists;

/** Opens iTunes/Finder backup folders. */
public final class IosBackups {
    private IosBackups() {}

    /**
     * The backup folder itself when {@code path} holds Manifest.db and Info.plist; else the one
     * sub-folder that does. None, or several, is a user error (several are listed).
     */
    public static Path resolve(Path path) throws IOException {
        if (!Files.exists(path)) throw new CotejoException("no such folder: " + path);
        if (!Files.isDirectory(path)) throw new CotejoException("an iOS backup is a folder, not a file: " + path);
        if (isBackup(path)) return path;
        List<Path> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(path)) {
            for (Path c : (Iterable<Path>) children.sorted()::iterator) {
                if (Files.isDirectory(c, java.nio.file.LinkOption.NOFOLLOW_LINKS) && isBackup(c)) found.add(c);
            }
        }
        if (found.size() == 1) return found.get(0);
        if (found.isEmpty()) {
            throw new CotejoException(path + " is not an iTunes/Finder backup folder: expected Manifest.db and Info.plist in it or in one sub-folder");
        }
        throw new CotejoException(path + " holds " + found.size() + " backups; give one of them: "
                + String.join(", ", found.stream().map(p -> p.getFileName().toString()).toList()));
    }

    private static boolean isBackup(Path dir) {
        return Files.isRegularFile(dir.resolve("Manifest.db")) && Files.isRegularFile(dir.resolve("Info.plist"));
    }

    /**
     * Opens a backup that needs no password: a plain one, or one decrypted already (by Cotejo or MVT). An
     * encrypted backup is refused with a message saying how to give its password.
     */
    public static Extraction open(Path path) throws IOException {
        return open(path, PasswordSource.none());
    }

    /**
     * Opens a backup, plain or encrypted. The password is asked of {@code password} only when Manifest.plist
     * says the backup is encrypted and its files still are: Manifest.db is not SQLite (iOS 10.2 and later
     * encrypt it), or there is no ManifestKey (iOS 10.0 and 10.1 encrypt only the files). A backup with a
     * ManifestKey and a plain Manifest.db is a decrypted copy and opens as a plain backup.
     *
     * @throws CotejoException when the password is missing ("... is encrypted; give its password ...") or
     *                         wrong ("wrong password for the encrypted backup ...")
     */
    public static Extraction open(Path path, PasswordSource password) throws IOException {
        Path root = resolve(path).toAbsolutePath().normalize();
        FolderTree tree = new FolderTree(root);
        ManifestPlist plist = ManifestPlist.read(tree);
        WorkArea work = WorkArea.create();
        ManifestDatabase manifest = null;
        try {
            FileEntry manifestEntry = tree.entry("Manifest.db").orElseThrow();
            if (plist.encrypted() && (plist.manifestKey() == null || !plainManifest(tree, manifestEntry))) {
                return EncryptedBackups.open(path, root, tree, plist, password, work);
            }
            Path folder = work.newFolder("manifest");
            Path copy = folder.resolve("Manifest.db");
            // the -wal and -shm side files go with it, or rows still in the write-ahead log would be missed
            for (String name : new String[] {"Manifest.db", "Manifest.db-wal", "Manifest.db-shm"}) {
                FileEntry e = tree.entry(name).filter(FileEntry::isFile).orElse(null);
                if (e == null) continue;
                try (InputStream in = tree.open(e)) {
                    Files.copy(in, folder.resolve(name));
                }
            }
            manifest = ManifestDatabase.open(copy, root.resolve("Manifest.db").toString(), MbFile::metadataOrNull);
            return new Extraction(EvidenceKind.IOS_BACKUP, path, tree, new BackupLocator(tree, manifest), work, identifiers(tree))
                    .with(BackupManifest.class, manifest);
        } catch (IOException | RuntimeException e) {
            if (manifest != null) manifest.close();
            work.close();
            throw e;
        }
    }

    private static boolean plainManifest(FolderTree tree, FileEntry manifest) throws IOException {
        try (InputStream in = tree.open(manifest)) {
            return EncryptedBackups.isSqlite(in);
        }
    }

    /**
     * UDID, serial, IMEI, product type and version from Info.plist (whatever it has). A damaged Info.plist
     * gives none, and the backup still opens: the BackupInfo module reports the damage when it reads it.
     */
    static Map<String, String> identifiers(FolderTree tree) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        FileEntry info = tree.entry("Info.plist").filter(FileEntry::isFile).orElse(null);
        if (info == null) return out;
        NSObject root;
        try (InputStream in = tree.open(info)) {
            root = Plists.parse(in.readNBytes(64 << 20), "Info.plist");
        } catch (CotejoException damaged) {
            return out;
        }
        if (!(root instanceof NSDictionary d)) return out;
        put(out, "udid", d, "Unique Identifier");
        put(out, "serial_number", d, "Serial Number");
        put(out, "imei", d, "IMEI");
        put(out, "product_type", d, "Product Type");
        put(out, "product_version", d, "Product Version");
        put(out, "device_name", d, "Device Name");
        return out;
    }

    private static void put(Map<String, String> out, String key, NSDictionary d, String plistKey) {
        NSObject v = d.objectForKey(plistKey);
        if (v != null) out.put(key, v.toJavaObject().toString());
    }
}
