package org.cotejo.forensics.record;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import org.cotejo.core.time.IsoInstants;

/**
 * The time text MVT writes in its JSON and CSV files: {@code YYYY-MM-DD HH:MM:SS.ffffff} in UTC, no zone.
 * Records keep this text so their JSON reads like MVT's; timelines parse it back to instants.
 */
public final class MvtTime {
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private MvtTime() {}

    /** Exactly "yyyy-MM-dd HH:mm:ss.ffffff", the text Cotejo and MVT write, read without a formatter; else null. */
    private static Instant fastParse(String s) {
        if (s.length() != 26 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' ' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != '.') return null;
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2), micros = digits(s, 20, 6);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || micros < 0) return null;
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) return null;
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3600L + minute * 60L + second, micros * 1000L);
    }

    private static int digits(String s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** "2021-07-18 09:02:11.000000" (microseconds, truncated), or "" for null. */
    public static String format(Instant t) {
        if (t == null) return "";
        long secs = t.getEpochSecond();
        if (!IsoInstants.written(secs)) return WRITE.format(t);
        // Hand-written for years 1970-9999: records of big extractions format millions of times.
        byte[] b = new byte[26];
        IsoInstants.dateTime(secs, ' ', b, 0);
        b[19] = '.';
        IsoInstants.put(b, 20, t.getNano() / 1000, 6);
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes {@link #format} text for one reader after another, remembering the text of the last second: the rows of a
     * log come in time order, many to a second, so most rows cost six digits instead of a calendar computation. Not
     * thread-safe: one per reading thread or run.
     */
    public static final class Writer {
        private final byte[] text = new byte[26];
        private long second = Long.MIN_VALUE;

        /** The same text as {@link MvtTime#format(Instant)}. */
        public String format(Instant t) {
            if (t == null) return "";
            long secs = t.getEpochSecond();
            if (!IsoInstants.written(secs)) return MvtTime.format(t);
            if (secs != second) {
                String whole = MvtTime.format(Instant.ofEpochSecond(secs));
                for (int i = 0; i < 20; i++) text[i] = (byte) whole.charAt(i);
                second = secs;
            }
            int micros = t.getNano() / 1000;
            for (int i = 25; i >= 20; i--) {
                text[i] = (byte) ('0' + micros % 10);
                micros /= 10;
            }
            return new String(text, 0, 26, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        /** The instant {@link #format}'s text for {@code t} reads back as ({@link MvtTime#parse}), without making the text. */
        public Instant written(Instant t) {
            if (t == null) return null;
            long secs = t.getEpochSecond();
            if (!IsoInstants.written(secs)) return parse(MvtTime.format(t));
            int nanos = t.getNano();
            return nanos % 1000 == 0 ? t : Instant.ofEpochSecond(secs, nanos - nanos % 1000);
        }
    }


    /**
     * Parses MVT's text and the variants older MVT versions wrote (no fraction, 'T' separator, an
     * offset); text without an offset is UTC. Returns null for "" / null / unparseable text.
     */
    public static Instant parse(String text) {
        if (text == null) return null;
        String s = text.strip();
        if (s.isEmpty()) return null;
        Instant fast = fastParse(s);
        if (fast != null) return fast;
        try {
            var parsed = READ.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime o) return o.toInstant();
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
