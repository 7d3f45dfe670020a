package org.cotejo.core.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A converted time beside the value it came from, as DESIGN.md asks: {@code raw} is the source value
 * as text, {@code epoch} the time base it was read in, so a report can show both and a reader can
 * check the conversion.
 */
public record Timestamp(Instant instant, String raw, Epoch epoch) implements Comparable<Timestamp> {

    /** First instant {@link #plausible()} accepts. */
    public static final Instant PLAUSIBLE_FROM = Instant.parse("1970-01-01T00:00:00Z");
    /** First instant {@link #plausible()} rejects. */
    public static final Instant PLAUSIBLE_UNTIL = Instant.parse("2100-01-01T00:00:00Z");

    public Timestamp {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(epoch, "epoch");
    }

    /**
     * Converts a number read from a database or plist. Integers and decimals are exact; a double is
     * read through its shortest decimal text, which is also kept as {@code raw}.
     *
     * @throws IllegalArgumentException for NaN, infinite or out-of-range values, or unknown number types
     */
    public static Timestamp of(Epoch epoch, Number raw) {
        Objects.requireNonNull(raw, "raw");
        BigDecimal value = decimal(raw);
        return new Timestamp(epoch.toInstant(value), value.toPlainString(), epoch);
    }

    /** Converts a number written as text (a log line, a plist string); {@code raw} keeps the text as given. */
    public static Timestamp parse(Epoch epoch, String raw) {
        Objects.requireNonNull(raw, "raw");
        BigDecimal value;
        try {
            value = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time value '" + raw + "' is not a number");
        }
        return new Timestamp(epoch.toInstant(value), raw, epoch);
    }

    /**
     * Whether the time is believable for phone data: from 1970 up to (not including) 2100, and not
     * the time base's own zero, which is how most stores write "no time". Conversion never rejects
     * an implausible value, because the raw value is evidence either way; callers use this check to
     * flag it (a millisecond value read as seconds lands tens of thousands of years ahead).
     */
    public boolean plausible() {
        return !instant.isBefore(PLAUSIBLE_FROM) && instant.isBefore(PLAUSIBLE_UNTIL) && !instant.equals(epoch.origin());
    }

    @Override
    public int compareTo(Timestamp o) {
        int c = instant.compareTo(o.instant);
        if (c != 0) return c;
        c = epoch.compareTo(o.epoch);
        return c != 0 ? c : raw.compareTo(o.raw);
    }

    private static BigDecimal decimal(Number raw) {
        if (raw instanceof BigDecimal d) return d;
        if (raw instanceof BigInteger i) return new BigDecimal(i);
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(raw.longValue());
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = raw.doubleValue();
            if (Double.isNaN(d)) throw new IllegalArgumentException("time value is not a number (NaN)");
            if (Double.isInfinite(d)) throw new IllegalArgumentException("time value is infinite");
            // Float.toString keeps the float's own shortest text; widening to double first would not.
            return raw instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(d);
        }
        throw new IllegalArgumentException("unsupported number type " + raw.getClass().getSimpleName());
    }
}
