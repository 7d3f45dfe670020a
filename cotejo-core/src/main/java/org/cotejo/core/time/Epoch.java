package org.cotejo.core.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Time bases found in iOS and Android artifacts: an origin and a unit. Conversions are exact to the
 * nanosecond; a value with finer precision is rounded half-even to the nearest nanosecond.
 */
public enum Epoch {
    /** Seconds since 1970-01-01T00:00:00Z (Unix time; Android and iOS logs, SQLite {@code strftime('%s')}). */
    UNIX_SECONDS(Instant.EPOCH, 1_000_000_000L),
    /** Milliseconds since 1970-01-01T00:00:00Z (Java and Android {@code currentTimeMillis}). */
    UNIX_MILLIS(Instant.EPOCH, 1_000_000L),
    /** Microseconds since 1970-01-01T00:00:00Z (Firefox {@code PRTime}). */
    UNIX_MICROS(Instant.EPOCH, 1_000L),
    /** Nanoseconds since 1970-01-01T00:00:00Z. */
    UNIX_NANOS(Instant.EPOCH, 1L),
    /** Seconds since 2001-01-01T00:00:00Z: Apple's "Mac absolute time" ({@code NSDate}, Core Data, many iOS databases). */
    MAC_ABSOLUTE_SECONDS(Instant.ofEpochSecond(978_307_200L), 1_000_000_000L),
    /** Nanoseconds since 2001-01-01T00:00:00Z (iOS {@code sms.db} dates since iOS 11). */
    MAC_ABSOLUTE_NANOS(Instant.ofEpochSecond(978_307_200L), 1L),
    /** Microseconds since 1601-01-01T00:00:00Z: WebKit and Chrome time (Chrome history, Android WebView). */
    WEBKIT_MICROS(Instant.ofEpochSecond(-11_644_473_600L), 1_000L);

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private final Instant origin;
    private final long nanosPerUnit;

    Epoch(Instant origin, long nanosPerUnit) {
        this.origin = origin;
        this.nanosPerUnit = nanosPerUnit;
    }

    /** The instant this time base counts from (its value 0). */
    public Instant origin() { return origin; }

    /** An integer value, converted with long arithmetic (exact; the common case in databases). */
    public Instant toInstant(long value) {
        long unitsPerSecond = 1_000_000_000L / nanosPerUnit;
        try {
            return origin.plusSeconds(Math.floorDiv(value, unitsPerSecond)).plusNanos(Math.floorMod(value, unitsPerSecond) * nanosPerUnit);
        } catch (ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException("time value " + value + " in " + this + " is out of range");
        }
    }

    /**
     * A fractional value (Mac absolute time is usually stored as a SQLite REAL). The double is read
     * through its shortest decimal text, so {@code 694224000.1} means .1 s and not the binary
     * neighbour .099999964 s.
     *
     * @throws IllegalArgumentException for NaN or infinite values
     */
    public Instant toInstant(double value) {
        if (Double.isNaN(value)) throw new IllegalArgumentException("time value is not a number (NaN)");
        if (Double.isInfinite(value)) throw new IllegalArgumentException("time value is infinite");
        return toInstant(BigDecimal.valueOf(value));
    }

    /** @throws IllegalArgumentException when the instant would lie outside what {@link Instant} can hold */
    public Instant toInstant(BigDecimal value) {
        BigInteger nanos = value.multiply(BigDecimal.valueOf(nanosPerUnit)).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        BigInteger[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
        try {
            return origin.plusSeconds(secondsAndNanos[0].longValueExact()).plusNanos(secondsAndNanos[1].longValue());
        } catch (ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException("time value " + value.toPlainString() + " in " + this + " is out of range");
        }
    }

    /** The inverse of {@link #toInstant}: the exact value in this time base, without trailing zeros. */
    public BigDecimal fromInstant(Instant instant) {
        BigInteger nanos = BigInteger.valueOf(instant.getEpochSecond()).subtract(BigInteger.valueOf(origin.getEpochSecond()))
                .multiply(NANOS_PER_SECOND)
                .add(BigInteger.valueOf(instant.getNano() - origin.getNano()));
        BigDecimal units = new BigDecimal(nanos).divide(BigDecimal.valueOf(nanosPerUnit));
        BigDecimal stripped = units.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
