package org.cotejo.forensics.record;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The time text MVT writes in its JSON and CSV files: {@code YYYY-MM-DD HH:MM:SS.ffffff} in UTC, no zone.
 * Records keep this text so their JSON reads like MVT's; timelines parse it back to instants.
 */
public final class MvtTime {
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private MvtTime() {}

    /** "2021-07-18 09:02:11.000000" (microseconds, truncated), or "" for null. */
    public static String format(Instant t) {
        return t == null ? "" : WRITE.format(t);
    }

    /**
     * Parses MVT's text and the variants older MVT versions wrote (no fraction, 'T' separator, an
     * offset); text without an offset is UTC. Returns null for "" / null / unparseable text.
     */
    public static Instant parse(String text) {
        if (text == null) return null;
        String s = text.strip();
        if (s.isEmpty()) return null;
        try {
            var parsed = READ.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime o) return o.toInstant();
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
