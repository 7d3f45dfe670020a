package org.cotejo.forensics.ios.fs;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.plist.Plists;

/**
 * The device identifiers a filesystem dump carries, when it carries them: lockdownd's data ark
 * ({@code data_ark.plist}, keys written "domain-key", the device's own keys with an empty domain such as
 * {@code -DeviceName}) and the MobileGestalt cache. Both are optional; an unreadable one is left out,
 * since identifiers only label the evidence and no finding depends on them.
 */
final class DeviceIdentifiers {
    static final String DATA_ARK = "private/var/root/Library/Lockdown/data_ark.plist";
    static final String MOBILE_GESTALT = "private/var/containers/Shared/SystemGroup/*/Library/Caches/com.apple.MobileGestalt.plist";
    private static final long MAX_PLIST = 16L << 20;

    /** Cotejo's identifier name → the lockdownd key (without its domain) that holds it. */
    private static final Map<String, String> LOCKDOWN_KEYS = orderedMap(
            "udid", "UniqueDeviceID",
            "serial_number", "SerialNumber",
            "imei", "InternationalMobileEquipmentIdentity",
            "product_type", "ProductType",
            "product_version", "ProductVersion",
            "build_version", "BuildVersion",
            "device_name", "DeviceName");

    private DeviceIdentifiers() {}

    static Map<String, String> read(FileTree tree) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        NSDictionary ark = dictionary(tree, tree.entry(DATA_ARK).orElse(null));
        if (ark != null) {
            LOCKDOWN_KEYS.forEach((id, key) -> put(out, id, ark.objectForKey("-" + key)));
        }
        List<FileEntry> gestalt = tree.glob(MOBILE_GESTALT);
        NSDictionary mg = gestalt.isEmpty() ? null : dictionary(tree, gestalt.get(0));
        if (mg != null) {
            // The cache's values sit under obfuscated key names; only plain ones are read, and the
            // build the cache was made for (CacheVersion).
            if (mg.objectForKey("CacheExtra") instanceof NSDictionary extra) {
                LOCKDOWN_KEYS.forEach((id, key) -> {
                    if (!out.containsKey(id)) put(out, id, extra.objectForKey(key));
                });
            }
            if (!out.containsKey("build_version")) put(out, "build_version", mg.objectForKey("CacheVersion"));
        }
        return out;
    }

    private static NSDictionary dictionary(FileTree tree, FileEntry entry) {
        if (entry == null || !entry.isFile() || entry.size() > MAX_PLIST) return null;
        try (InputStream in = tree.open(entry)) {
            NSObject root = Plists.parse(in.readNBytes((int) MAX_PLIST), entry.path());
            return root instanceof NSDictionary d ? d : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void put(Map<String, String> out, String id, NSObject value) {
        if (value == null) return;
        Object v = value.toJavaObject();
        if (v instanceof String || v instanceof Number) {
            String s = v.toString().strip();
            if (!s.isEmpty()) out.put(id, s);
        }
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }
}
