package org.cotejo.correlation.enrich;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.IpAddresses;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.core.time.Epoch;
import org.cotejo.core.time.Timestamp;

/**
 * The value readers of enrichment columns. Hosts, addresses, e-mails, ranges and hashes go through the
 * core normalisers, so an enrichment fact about {@code WWW.Evil.COM.} is found by the observable
 * {@code evil.com}. Each throws {@link IllegalArgumentException} with a reason a person can act on.
 */
final class Values {
    private Values() {}

    static String domain(String raw) {
        return normalise(ObservableType.DOMAIN, raw);
    }

    static String ip(String raw) {
        try {
            return IpAddresses.parseIp(raw).value();
        } catch (InvalidObservableException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** A TLS host: an address when it is written as one, else a host name. */
    static String host(String raw) {
        boolean address = raw.indexOf(':') >= 0 || raw.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        return address ? ip(raw) : domain(raw);
    }

    static String email(String raw) {
        return normalise(ObservableType.EMAIL, raw);
    }

    static String cidr(String raw) {
        return normalise(ObservableType.CIDR, raw);
    }

    /** A SHA-256 in hex, also as the colon-separated pairs certificate tools print. */
    static String sha256(String raw) {
        String hex = normalise(ObservableType.X509_HASH, raw);
        if (hex.length() != 64) throw new IllegalArgumentException("has " + hex.length() + " hex digits, a SHA-256 has 64");
        return hex;
    }

    /** "AS64496" or "64496". */
    static long asn(String raw) {
        String digits = raw.regionMatches(true, 0, "AS", 0, 2) ? raw.substring(2) : raw;
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + CotejoException.printable(raw) + "' is not an AS number (64496 or AS64496)");
        }
        long asn = Long.parseLong(digits);
        if (asn > 4_294_967_295L) throw new IllegalArgumentException("AS number " + asn + " is larger than 4294967295");
        return asn;
    }

    /**
     * A point in time: ISO-8601 with its offset ({@code 2024-05-01T12:00:00Z}) or whole Unix seconds;
     * null when empty. A time without an offset is refused: guessing the zone would move the fact.
     */
    static Instant instant(String raw) {
        if (raw.isEmpty()) return null;
        Instant t;
        if (isInteger(raw)) {
            if (raw.length() > 11) {
                throw new IllegalArgumentException("'" + raw + "' is too large for Unix seconds (milliseconds?); give seconds or ISO-8601 UTC");
            }
            t = Epoch.UNIX_SECONDS.toInstant(Long.parseLong(raw));
        } else {
            t = utcSeconds(raw);
            if (t == null) {
                try {
                    t = OffsetDateTime.parse(raw).toInstant();
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException(timeProblem(raw));
                }
            }
        }
        if (t.isBefore(Timestamp.PLAUSIBLE_FROM) || !t.isBefore(Timestamp.PLAUSIBLE_UNTIL)) {
            throw new IllegalArgumentException("time " + t + " is before 1970 or after 2099; is the unit right?");
        }
        return t;
    }

    /** A day: {@code 2024-05-01}, or a time (ISO-8601 or Unix seconds) taken as its UTC date; null when empty. */
    static LocalDate date(String raw) {
        if (raw.isEmpty()) return null;
        if (raw.length() == 10 && raw.charAt(4) == '-') {
            try {
                return LocalDate.parse(raw);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + CotejoException.printable(raw) + "' is not a valid date (YYYY-MM-DD)");
            }
        }
        return LocalDate.ofInstant(instant(raw), ZoneOffset.UTC);
    }

    /*
     * "2024-05-01T12:00:00Z", the form nearly every line of a large export has, read by hand: the
     * java.time parser costs several microseconds a value, which was most of the time of loading a
     * passive-DNS file. Anything else (fractions, offsets, bad dates) returns null and takes the full parser.
     */
    private static Instant utcSeconds(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != 'Z') return null;
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) return null;
        try {
            return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in s[from, to), or -1 if a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String timeProblem(String raw) {
        try {
            LocalDateTime.parse(raw);
            return "'" + raw + "' has no time zone; write it in UTC with a final Z (" + raw + "Z) or as Unix seconds";
        } catch (DateTimeException e) {
            return "'" + CotejoException.printable(raw) + "' is neither an ISO-8601 time with its zone (2024-05-01T12:00:00Z) nor Unix seconds";
        }
    }

    private static boolean isInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start) return false;
        for (int i = start; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static String normalise(ObservableType type, String raw) {
        try {
            return type.normalise(raw).value();
        } catch (InvalidObservableException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
