package org.cotejo.forensics.ios.backup.write;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** The three property lists at the root of a backup, as iTunes/Finder write them. */
final class BackupPlists {
    /** One installed app, as Info.plist and Manifest.plist list it. */
    record App(String bundleId, byte[] iTunesMetadata, byte[] placeholderIcon) {}

    private BackupPlists() {}

    /** Info.plist (XML): the device's identifiers, its installed apps and their iTunesMetadata. */
    static void info(Path file, BackupDevice device, Map<String, App> apps, Map<String, NSObject> extra) throws IOException {
        NSDictionary d = new NSDictionary();
        NSDictionary applications = new NSDictionary();
        for (App a : apps.values()) {
            NSDictionary entry = new NSDictionary();
            if (a.iTunesMetadata() != null) entry.put("iTunesMetadata", new NSData(a.iTunesMetadata()));
            if (a.placeholderIcon() != null) entry.put("PlaceholderIcon", new NSData(a.placeholderIcon()));
            applications.put(a.bundleId(), entry);
        }
        d.put("Applications", applications);
        device.info().forEach((k, v) -> d.put(k, new NSString(v)));
        d.put("Installed Applications", new NSArray(apps.keySet().stream().map(NSString::new).toArray(NSObject[]::new)));
        d.put("Last Backup Date", new NSDate(Date.from(device.backupDate())));
        extra.forEach(d::put);
        Files.writeString(file, d.toXMLPropertyList(), StandardCharsets.UTF_8);
    }

    /** Manifest.plist (binary): encryption state, keybag and ManifestKey, the Lockdown summary, the apps. */
    static void manifest(Path file, BackupDevice device, Map<String, App> apps, byte[] keybag, byte[] manifestKey) throws IOException {
        NSDictionary d = new NSDictionary();
        if (keybag != null) d.put("BackupKeyBag", new NSData(keybag));
        d.put("Version", "10.0");
        d.put("Date", new NSDate(Date.from(device.backupDate())));
        d.put("SystemDomainsVersion", "24.0");
        if (manifestKey != null) d.put("ManifestKey", new NSData(manifestKey));
        d.put("WasPasscodeSet", true);
        NSDictionary lockdown = new NSDictionary();
        putIfPresent(lockdown, "ProductVersion", device.info().get("Product Version"));
        putIfPresent(lockdown, "ProductType", device.info().get("Product Type"));
        putIfPresent(lockdown, "BuildVersion", device.info().get("Build Version"));
        putIfPresent(lockdown, "UniqueDeviceID", device.udid());
        putIfPresent(lockdown, "SerialNumber", device.info().get("Serial Number"));
        putIfPresent(lockdown, "DeviceName", device.info().get("Device Name"));
        d.put("Lockdown", lockdown);
        NSDictionary applications = new NSDictionary();
        for (String id : apps.keySet()) {
            NSDictionary a = new NSDictionary();
            a.put("CFBundleIdentifier", id);
            a.put("CFBundleVersion", "1");
            a.put("ContainerContentClass", "Data/Application");
            a.put("Path", "/var/containers/Bundle/Application/" + uuid(id) + "/" + id.substring(id.lastIndexOf('.') + 1) + ".app");
            applications.put(id, a);
        }
        d.put("Applications", applications);
        d.put("IsEncrypted", keybag != null);
        BinaryPropertyListWriter.write(d, file);
    }

    /** Status.plist (binary): a finished backup. */
    static void status(Path file, BackupDevice device) throws IOException {
        NSDictionary d = new NSDictionary();
        d.put("BackupState", "new");
        d.put("Date", new NSDate(Date.from(device.backupDate())));
        d.put("IsFullBackup", false);
        d.put("SnapshotState", "finished");
        d.put("UUID", uuid(device.udid() + device.backupDate()).toUpperCase(java.util.Locale.ROOT));
        d.put("Version", "3.3");
        BinaryPropertyListWriter.write(d, file);
    }

    /** A stable UUID for a name, so the same input writes the same backup. */
    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void putIfPresent(NSDictionary d, String key, String value) {
        if (value != null) d.put(key, value);
    }
}
