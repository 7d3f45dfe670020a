package org.cotejo.core.time;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, "2025-01-01T12:00:00Z", the fraction in groups of three digits
 * as needed), made without a formatter: files of hundreds of thousands of facts write several instants each, and the
 * formatter costs microseconds per instant. Instants outside the years 1970 to 9999 go through {@code toString}.
 */
public final class IsoInstants {
    private IsoInstants() {}

    private static final long END = 253_402_300_800L; // 10000-01-01T00:00:00Z

    /** The same text as {@code t.toString()}. */
    public static String text(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < 0 || seconds >= END) return t.toString();
        int nano = t.getNano();
        int digits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        byte[] b = new byte[20 + (digits == 0 ? 0 : digits + 1)];
        dateTime(seconds, 'T', b, 0);
        int at = 19;
        if (digits > 0) {
            b[at++] = '.';
            put(b, at, nano / (digits == 3 ? 1_000_000 : digits == 6 ? 1_000 : 1), digits);
            at += digits;
        }
        b[at] = 'Z';
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Whether {@link #dateTime} writes {@code epochSecond}: the years 1970 to 9999. */
    public static boolean written(long epochSecond) {
        return epochSecond >= 0 && epochSecond < END;
    }

    /**
     * Writes "YYYY-MM-DD", {@code between}, "HH:MM:SS" of a second of the years 1970 to 9999 ({@link #written}) in UTC into
     * {@code out[at, at + 19)}: the date and time of every text of instants Cotejo writes by hand.
     */
    public static void dateTime(long epochSecond, char between, byte[] out, int at) {
        long days = epochSecond / 86_400;
        int second = (int) (epochSecond % 86_400);
        // the civil date of a day count (days from 1970-01-01), in the proleptic Gregorian calendar
        long z = days + 719_468;
        long era = z / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        put(out, at, year, 4);
        out[at + 4] = '-';
        put(out, at + 5, month, 2);
        out[at + 7] = '-';
        put(out, at + 8, day, 2);
        out[at + 10] = (byte) between;
        put(out, at + 11, second / 3_600, 2);
        out[at + 13] = ':';
        put(out, at + 14, second / 60 % 60, 2);
        out[at + 16] = ':';
        put(out, at + 17, second % 60, 2);
    }

    /** Writes {@code value} in {@code width} decimal digits, zero-padded, into {@code b[at, at + width)}. */
    public static void put(byte[] b, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
