package org.cotejo.forensics.ios;

import java.math.BigDecimal;
import java.time.Instant;
import org.cotejo.core.time.Epoch;
import org.cotejo.forensics.record.MvtTime;

/**
 * iOS time values as modules meet them: Mac absolute time in seconds, or in nanoseconds when an integer
 * has 18 digits (sms.db since iOS 11). Converted exactly (MVT drops the sub-second part of nanosecond
 * values; Cotejo keeps it, and the raw value stays in the record).
 */
public final class IosTime {
    private IosTime() {}

    /** Mac absolute time (seconds, or nanoseconds for large integers) to an instant; null for null/0/unusable values. */
    public static Instant macAbsolute(Object value) {
        if (value == null) return null;
        if (value instanceof Long l) {
            // Integers (sms.db nanoseconds, whole seconds) without BigDecimal: millions of rows take this path.
            if (l == 0) return null;
            try {
                return Math.abs(l) >= 100_000_000_000_000_000L ? Epoch.MAC_ABSOLUTE_NANOS.toInstant(l) : Epoch.MAC_ABSOLUTE_SECONDS.toInstant(l);
            } catch (RuntimeException e) {
                return null;
            }
        }
        BigDecimal v;
        try {
            v = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (v.signum() == 0) return null;
        try {
            if (v.scale() <= 0 && v.abs().compareTo(BigDecimal.valueOf(100_000_000_000_000_000L)) >= 0) {
                return Epoch.MAC_ABSOLUTE_NANOS.toInstant(v);
            }
            return Epoch.MAC_ABSOLUTE_SECONDS.toInstant(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Unix seconds to an instant; null for null/0/unusable. */
    public static Instant unixSeconds(Object value) {
        if (value == null) return null;
        try {
            BigDecimal v = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
            if (v.signum() == 0) return null;
            return Epoch.UNIX_SECONDS.toInstant(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** MVT's text for a Mac absolute time, "" when there is none. */
    public static String macIso(Object value) {
        return MvtTime.format(macAbsolute(value));
    }

    public static String unixIso(Object value) {
        return MvtTime.format(unixSeconds(value));
    }
}
