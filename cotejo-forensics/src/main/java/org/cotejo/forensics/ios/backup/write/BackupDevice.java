package org.cotejo.forensics.ios.backup.write;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The phone a generated backup comes from, as its Info.plist describes it: text values under Info.plist's
 * own key names ("Unique Identifier", "Serial Number", "Product Type", "Product Version", "Build
 * Version", "Device Name", "IMEI"...) and the time of the backup ("Last Backup Date", also the date of
 * Manifest.plist and Status.plist). Immutable; {@link #with} returns a changed copy.
 */
public final class BackupDevice {
    private final Map<String, String> info;
    private final Instant backupDate;

    private BackupDevice(Map<String, String> info, Instant backupDate) {
        this.info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        this.backupDate = Objects.requireNonNull(backupDate, "backupDate");
    }

    /** A device with these identifiers and plausible values for the rest (change them with {@link #with}). */
    public static BackupDevice of(String udid, String productType, String productVersion, String buildVersion, Instant backupDate) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Build Version", buildVersion);
        m.put("Device Name", "iPhone");
        m.put("Display Name", "iPhone");
        m.put("GUID", "3F2C8A8E0D6B4F5C9A7E1B2D4C6E8F01");
        m.put("ICCID", "8934071234567890123");
        m.put("IMEI", "356938035643809");
        m.put("Phone Number", "+34 600 000 000");
        m.put("Product Name", "iPhone");
        m.put("Product Type", productType);
        m.put("Product Version", productVersion);
        m.put("Serial Number", "F2LXK0XXHG7F");
        m.put("Target Identifier", udid);
        m.put("Target Type", "Device");
        m.put("Unique Identifier", udid);
        m.put("iTunes Version", "12.13.2.3");
        return new BackupDevice(m, backupDate);
    }

    /** An iPhone 12 on iOS 17.5.1, backed up on 2024-06-01. */
    public static BackupDevice example() {
        return of("00008101-000A1B2C3D4E001E", "iPhone13,2", "17.5.1", "21F90", Instant.parse("2024-06-01T10:00:00Z"));
    }

    /** A copy with an Info.plist text value set ({@code null} removes the key, e.g. "IMEI" for an iPad). */
    public BackupDevice with(String infoKey, String value) {
        Map<String, String> m = new LinkedHashMap<>(info);
        if (value == null) m.remove(infoKey);
        else m.put(infoKey, value);
        return new BackupDevice(m, backupDate);
    }

    public BackupDevice backedUpAt(Instant date) {
        return new BackupDevice(info, date);
    }

    /** The Info.plist text values, in the order written. */
    public Map<String, String> info() { return info; }

    public Instant backupDate() { return backupDate; }

    public String udid() { return info.get("Unique Identifier"); }

    public String productVersion() { return info.get("Product Version"); }
}
