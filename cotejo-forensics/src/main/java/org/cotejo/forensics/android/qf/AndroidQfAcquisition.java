package org.cotejo.forensics.android.qf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What AndroidQF says about its own acquisition ({@code acquisition.json}): when it started and the
 * public key of the computer it ran on. The ADB-key check of a nested bugreport compares the phone's
 * trusted keys with this one, and the security-patch rule measures the patch's age from {@code started}
 * rather than from the day Cotejo runs, so a report can be re-derived with the same result.
 *
 * @param startedText      {@code started} as written, or "" when absent
 * @param started          that time as an instant (ISO 8601; a time without offset is UTC), when it parses
 * @param adbHostPublicKey {@code adb_host_public_key}, else the content of {@code adb_host_key.pub}, or ""
 */
public record AndroidQfAcquisition(String startedText, Optional<Instant> started, String adbHostPublicKey) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code acquisition.json}'s bytes; {@code hostKeyFile} is the content of {@code adb_host_key.pub} or null. */
    public static AndroidQfAcquisition parse(byte[] acquisitionJson, byte[] hostKeyFile) throws IOException {
        String started = "";
        String key = "";
        if (acquisitionJson != null) {
            JsonNode root = JSON.readTree(acquisitionJson);
            if (root != null && root.isObject()) {
                started = root.path("started").asText("");
                key = root.path("adb_host_public_key").asText("").strip();
            }
        }
        if (key.isEmpty() && hostKeyFile != null) key = new String(hostKeyFile, StandardCharsets.UTF_8).strip();
        return new AndroidQfAcquisition(started, instant(started), key);
    }

    /** ISO 8601 with an offset or 'Z', or without one (read as UTC, as AndroidQF writes UTC). */
    static Optional<Instant> instant(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
