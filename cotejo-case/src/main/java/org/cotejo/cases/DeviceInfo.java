package org.cotejo.cases;

import java.time.Instant;
import java.util.Map;

/**
 * A phone under examination.
 *
 * @param id          stable id within the case (a UUID)
 * @param label       what analysts call it ("ES-01"), unique in the case
 * @param platform    "ios" or "android"
 * @param pseudonym   the person, pseudonymised ("Minister A"); never a name unless the court allows it; may be null
 * @param identifiers identifiers read from its extractions (udid, serial_number, imei, android_id...)
 * @param createdAt   when it was added
 */
public record DeviceInfo(String id, String label, String platform, String pseudonym, Map<String, String> identifiers, Instant createdAt) {
    public DeviceInfo {
        identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
    }
}
