package org.cotejo.cases.store;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * How the case database writes a time: ISO-8601 UTC text with exactly nine fraction digits
 * ({@code 2026-11-27T19:30:58.123456789Z}). The fixed width makes text order equal time order in
 * both databases and under any collation, so time columns sort and page through their indexes;
 * nanoseconds keep every converted evidence time exactly (a result hash must survive the round trip).
 * Years beyond 9999 (implausible source values are stored as read) are written with a sign and sort
 * out of place; they are flagged upstream.
 */
public final class StoredTime {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

    private StoredTime() {}

    /** The column text for an instant; null stays null. */
    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    /** The instant of a column text; null stays null. */
    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
