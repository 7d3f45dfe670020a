package org.cotejo.report.assemble;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A phone's identity for correlation, from its extraction's own identifiers, most specific first: the
 * same phone read from a case and from a results folder, or in two cases, is then one device.
 */
public final class DeviceIdentity {
    public static final List<String> KEYS = List.of("udid", "serial_number", "android_id", "imei", "unique_identifier");

    private DeviceIdentity() {}

    /** "udid:00008101-…", or empty when the extraction names none of {@link #KEYS}. */
    public static Optional<String> of(Map<String, String> identifiers) {
        for (String k : KEYS) {
            String v = identifiers.get(k);
            if (v != null && !v.isBlank()) return Optional.of(k + ":" + v.strip());
        }
        return Optional.empty();
    }
}
