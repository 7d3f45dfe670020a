package org.cotejo.forensics.network.netlog;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.cotejo.core.time.Epoch;

/**
 * The times DNS-resolver and proxy logs write: Unix epoch seconds (decimals allowed, as Squid writes
 * them) or milliseconds (a whole number of 12 digits or more: 10^11 seconds is after the year 5000),
 * and ISO-8601 text with an offset or {@code Z}, or without one ({@code 2025-01-01 12:00:00}, a space or
 * a {@code T}), which is read as UTC. Anything else is not a time.
 */
final class NetlogTime {
    private static final BigDecimal MILLIS_FROM = new BigDecimal("100000000000");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd").optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private NetlogTime() {}

    /** The instant {@code raw} stands for (a JSON number or text), or null. */
    static Instant parse(Object raw) {
        if (raw instanceof Number n) return epoch(n.toString());
        if (!(raw instanceof String s)) return null;
        s = s.strip();
        if (s.isEmpty()) return null;
        if (Character.isDigit(s.charAt(0)) && s.chars().allMatch(c -> Character.isDigit(c) || c == '.')) return epoch(s);
        try {
            return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
        } catch (DateTimeException e) {
            // no offset: read as UTC below
        }
        try {
            return LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant epoch(String digits) {
        try {
            BigDecimal d = new BigDecimal(digits);
            if (d.signum() < 0) return null;
            return (d.compareTo(MILLIS_FROM) >= 0 ? Epoch.UNIX_MILLIS : Epoch.UNIX_SECONDS).toInstant(d);
        } catch (IllegalArgumentException e) { // not a number, or out of Instant's range
            return null;
        }
    }
}
