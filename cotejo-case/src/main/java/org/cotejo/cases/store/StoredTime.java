package org.cotejo.cases.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
    private static final long MIN_FAST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_FAST = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    private StoredTime() {}

    /** The column text for an instant; null stays null. */
    public static String format(Instant instant) {
        if (instant == null) return null;
        long seconds = instant.getEpochSecond();
        // Years 0000-9999 by hand: a scan writes millions of times, and the formatter costs several
        // times more; other years (implausible source values) take the formatter's signed form.
        if (seconds < MIN_FAST || seconds >= MAX_FAST) return FORMAT.format(instant);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] c = "0000-00-00T00:00:00.000000000Z".toCharArray();
        digits(c, 0, 4, t.getYear());
        digits(c, 5, 2, t.getMonthValue());
        digits(c, 8, 2, t.getDayOfMonth());
        digits(c, 11, 2, t.getHour());
        digits(c, 14, 2, t.getMinute());
        digits(c, 17, 2, t.getSecond());
        digits(c, 20, 9, instant.getNano());
        return new String(c);
    }

    private static void digits(char[] c, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) c[i] = (char) ('0' + value % 10);
    }

    /** The instant of a column text; null stays null. */
    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
