package org.cotejo.forensics.ios.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.ios.backup.write.BackupDevice;
import org.cotejo.forensics.ios.backup.write.BackupEncryption;
import org.cotejo.forensics.ios.backup.write.BackupWriter;
import org.cotejo.forensics.testing.Sqlite;

/** Small backups written with {@link BackupWriter}, and the files put in them, for the backup tests. */
public final class TestBackups {
    static final String PASSWORD = "correct horse battery staple";
    static final String SMS_DOMAIN = "HomeDomain";
    static final String SMS_PATH = "Library/SMS/sms.db";

    private TestBackups() {}

    /** domain + "/" + relative path → bytes: an sms.db, a property list, and files whose sizes test padding. */
    static Map<String, byte[]> files(Path scratch) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(SMS_DOMAIN + "/" + SMS_PATH, smsDb(scratch.resolve("sms.db")));
        out.put("HomeDomain/Library/Preferences/com.apple.example.plist",
                "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>k</key><string>v</string></dict></plist>".getBytes(StandardCharsets.UTF_8));
        out.put("AppDomain-net.example.app/Documents/notes.txt", "call me at 10".getBytes(StandardCharsets.UTF_8));
        out.put("AppDomain-net.example.app/Documents/block16.bin", "exactly 16 bytes".getBytes(StandardCharsets.UTF_8));
        out.put("AppDomain-net.example.app/Documents/empty", new byte[0]);
        byte[] big = new byte[200_003];
        new Random(7).nextBytes(big);
        out.put("MediaDomain/Media/big.bin", big);
        return out;
    }

    /** Writes the files into a backup at {@code folder}: encrypted when {@code encryption} is not null. */
    static Path write(Path folder, Map<String, byte[]> files, BackupEncryption encryption) throws IOException {
        try (BackupWriter w = encryption == null ? BackupWriter.create(folder, BackupDevice.example())
                : BackupWriter.createEncrypted(folder, BackupDevice.example(), encryption)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                int slash = e.getKey().indexOf('/');
                w.file(e.getKey().substring(0, slash), e.getKey().substring(slash + 1), e.getValue());
            }
            w.application("net.example.app", "<plist/>".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            return w.finish();
        }
    }

    /** Fast test encryption: the iOS 10.2 scheme with tiny iteration counts and reproducible keys. */
    static BackupEncryption fast() {
        return BackupEncryption.withPassword(PASSWORD.toCharArray()).iterations(1, 1).seed(1);
    }

    static String storedPath(String domainAndPath) {
        int slash = domainAndPath.indexOf('/');
        return BackupFileIds.storagePath(BackupFileIds.of(domainAndPath.substring(0, slash), domainAndPath.substring(slash + 1)));
    }

    /** Path → SHA-256 of every file under {@code root}, to show a folder was not changed. */
    public static Map<String, String> treeHashes(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                out.put(root.relativize(file).toString(), Hashing.sha256(Files.readAllBytes(file)));
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    /** A small sms.db with the columns the SMS module reads. */
    private static byte[] smsDb(Path file) throws Exception {
        try (Sqlite db = Sqlite.create(file)) {
            db.exec("CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, country TEXT, service TEXT NOT NULL)",
                    "CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0,"
                            + " service TEXT, account TEXT, date INTEGER, date_read INTEGER, is_from_me INTEGER DEFAULT 0)");
            db.insert("INSERT INTO handle (id, country, service) VALUES (?, ?, ?)", "+34600111222", "es", "SMS");
            db.insert("INSERT INTO message (guid, text, handle_id, service, account, date, date_read, is_from_me) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    "A1B2", "Your parcel: https://parcel-track.example.org/x1", 1, "SMS", "P:+34600999888", 739_000_000_000_000_000L, 0, 0);
        }
        return Files.readAllBytes(file);
    }
}
