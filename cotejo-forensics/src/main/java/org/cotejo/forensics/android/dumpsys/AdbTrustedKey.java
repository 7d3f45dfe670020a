package org.cotejo.forensics.android.dumpsys;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.forensics.record.Fields;

/**
 * A computer the phone trusts for ADB, from a {@link DumpsysADBState} record: the keystore's keys (with
 * their last connection) first, then {@code user_keys}, each key once.
 *
 * @param user          the comment after the key ("user@host"), or ""
 * @param fingerprint   MD5 of the key as {@code adb} shows it, or "" when the key is not base64
 * @param key           the base64 key material
 * @param lastConnected the keystore's last connection, milliseconds since the epoch, or null
 */
public record AdbTrustedKey(String user, String fingerprint, String key, Long lastConnected) {

    /** Whether the key material is valid base64. */
    public boolean validKey() {
        try {
            Base64.getDecoder().decode(key);
            return !key.isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The trusted keys of an ADB state record, deduplicated by key material, keystore first. */
    public static List<AdbTrustedKey> of(Fields adbState) {
        List<AdbTrustedKey> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String field : List.of("keystore", "user_keys")) {
            for (Object o : adbState.list(field)) {
                if (!(o instanceof Map<?, ?> m)) continue;
                String key = String.valueOf(m.get("key") == null ? "" : m.get("key")).strip().split("\\s+")[0];
                if (!seen.add(key)) continue;
                Object last = m.get("last_connected");
                out.add(new AdbTrustedKey(m.get("user") == null ? "" : String.valueOf(m.get("user")),
                        m.get("fingerprint") == null ? "" : String.valueOf(m.get("fingerprint")), key,
                        last instanceof Number n ? n.longValue() : null));
            }
        }
        return out;
    }
}
