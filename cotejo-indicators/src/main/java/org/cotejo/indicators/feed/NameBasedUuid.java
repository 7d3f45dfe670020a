package org.cotejo.indicators.feed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs, version 5 (RFC 9562: SHA-1 over namespace and name), so that writing the same
 * indicators twice gives the same ids and the same bytes. The JDK only offers version 3 (MD5).
 *
 * <p>These ids are deterministic, not secret: anyone can recompute the id of a guessed value.
 */
public final class NameBasedUuid {
    private NameBasedUuid() {}

    /** Cotejo's namespace for the ids it writes into STIX and MISP: UUIDv5(URL namespace, "https://cotejo.org/ids"). */
    public static final UUID COTEJO_NAMESPACE = v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://cotejo.org/ids");

    public static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
        h[8] = (byte) ((h[8] & 0x3f) | 0x80); // RFC 4122 variant
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    /** A version-5 UUID in Cotejo's namespace, as text. */
    public static String of(String name) {
        return v5(COTEJO_NAMESPACE, name).toString();
    }
}
