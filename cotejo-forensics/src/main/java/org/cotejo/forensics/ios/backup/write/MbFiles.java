package org.cotejo.forensics.ios.backup.write;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cotejo.forensics.plist.KeyedArchiver;

/**
 * The {@code file} blobs of Manifest.db rows: an MBFile archived with NSKeyedArchiver. Times are Unix
 * seconds and numbers are stored inline, as iOS does; the relative path, a link's target and the
 * wrapped file key are objects referred to by UID.
 */
final class MbFiles {
    private static final long MOBILE = 501;

    private MbFiles() {}

    static byte[] file(String relativePath, long size, int mode, Instant modified, long inode, int protectionClass, byte[] wrappedKey) {
        Map<String, Object> f = common(relativePath, modified, inode, mode, size, protectionClass);
        if (wrappedKey != null) f.put("EncryptionKey", wrappedKey);
        return KeyedArchiver.archive(new KeyedArchiver.Instance("MBFile", f));
    }

    static byte[] directory(String relativePath, Instant modified, long inode) {
        return KeyedArchiver.archive(new KeyedArchiver.Instance("MBFile", common(relativePath, modified, inode, 040755, 0, 0)));
    }

    static byte[] symlink(String relativePath, String target, Instant modified, long inode) {
        Map<String, Object> f = common(relativePath, modified, inode, 0120755, 0, 0);
        f.put("Target", target);
        return KeyedArchiver.archive(new KeyedArchiver.Instance("MBFile", f));
    }

    private static Map<String, Object> common(String relativePath, Instant modified, long inode, int mode, long size, int protectionClass) {
        long t = modified.getEpochSecond();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("LastModified", t);
        f.put("Flags", 0L);
        f.put("GroupID", MOBILE);
        f.put("LastStatusChange", t);
        f.put("Birth", t);
        f.put("Size", size);
        f.put("InodeNumber", inode);
        f.put("Mode", (long) mode);
        f.put("UserID", MOBILE);
        f.put("ProtectionClass", (long) protectionClass);
        f.put("RelativePath", relativePath);
        return f;
    }
}
