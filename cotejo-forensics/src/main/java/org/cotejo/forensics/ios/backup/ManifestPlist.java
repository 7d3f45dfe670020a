package org.cotejo.forensics.ios.backup;

import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import java.io.IOException;
import java.io.InputStream;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.plist.Plists;

/**
 * What a backup's {@code Manifest.plist} says about encryption: {@code IsEncrypted}, the
 * {@code BackupKeyBag}, the {@code ManifestKey} (iOS 10.2 and later encrypt Manifest.db with it) and
 * {@code Lockdown.ProductVersion}.
 */
record ManifestPlist(boolean encrypted, byte[] keybag, byte[] manifestKey, String productVersion) {
    static final ManifestPlist ABSENT = new ManifestPlist(false, null, null, null);

    /**
     * Reads {@code Manifest.plist} at the root of {@code tree}. A missing or unreadable one says nothing
     * (ABSENT): a backup is then taken as plain, and an encrypted Manifest.db is reported when it is opened.
     */
    static ManifestPlist read(FileTree tree) throws IOException {
        FileEntry e = tree.entry("Manifest.plist").filter(FileEntry::isFile).orElse(null);
        if (e == null) return ABSENT;
        NSObject root;
        try (InputStream in = tree.open(e)) {
            root = Plists.parse(in.readNBytes(16 << 20), "Manifest.plist");
        } catch (CotejoException bad) {
            return ABSENT;
        }
        if (!(root instanceof NSDictionary d)) return ABSENT;
        boolean encrypted = d.objectForKey("IsEncrypted") instanceof NSNumber n && n.boolValue();
        String version = d.objectForKey("Lockdown") instanceof NSDictionary l && l.objectForKey("ProductVersion") != null
                ? l.objectForKey("ProductVersion").toJavaObject().toString() : null;
        return new ManifestPlist(encrypted, data(d, "BackupKeyBag"), data(d, "ManifestKey"), version);
    }

    private static byte[] data(NSDictionary d, String key) {
        return d.objectForKey(key) instanceof NSData data ? data.bytes() : null;
    }
}
