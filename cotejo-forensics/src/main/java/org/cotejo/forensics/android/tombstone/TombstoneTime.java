package org.cotejo.forensics.android.tombstone;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Timestamp} of a tombstone as debuggerd writes it: the device's wall clock with nanoseconds
 * and the device's UTC offset, {@code 2023-04-12 12:32:40.518290770+0200} (older builds: no fraction).
 *
 * <p>Two readings, kept apart on purpose. MVT's {@code timestamp} is the wall clock with the offset
 * dropped and the fraction cut (not rounded) to microseconds: {@code .518290770} is {@code .518290}; a
 * round would give {@code .518291}, and the record would no longer line up with MVT's. The true instant
 * applies the offset, so the timeline places the crash in UTC without needing the device's zone.
 *
 * @param raw       the text as written in the tombstone
 * @param wallClock the device's wall clock, to the nanosecond
 * @param offset    the device's UTC offset at the time, or null when the text carries none
 */
public record TombstoneTime(String raw, LocalDateTime wallClock, ZoneOffset offset) {
    private static final Pattern TEXT = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    private static final DateTimeFormatter MVT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** The time in {@code raw}, or null when it is not a tombstone timestamp. */
    public static TombstoneTime parse(String raw) {
        if (raw == null) return null;
        Matcher m = TEXT.matcher(raw.strip());
        if (!m.matches()) return null;
        try {
            String fraction = m.group(3) == null ? "" : m.group(3);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalDateTime wall = LocalDateTime.parse(m.group(1) + "T" + m.group(2)).withNano(nanos);
            String zone = m.group(4);
            ZoneOffset offset = zone == null ? null : ZoneOffset.of(zone.equals("Z") ? "Z" : zone.replace(":", ""));
            return new TombstoneTime(raw.strip(), wall, offset);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** MVT's text: the wall clock, offset dropped, microseconds cut: "2023-04-12 12:32:40.518290". */
    public String mvtText() {
        return wallClock.truncatedTo(ChronoUnit.MICROS).format(MVT);
    }

    /** The true instant, or null when the tombstone did not say its offset. */
    public Instant instant() {
        return offset == null ? null : wallClock.toInstant(offset);
    }

    /** The instant when the offset is known, else the wall clock read as if it were UTC. */
    public Instant instantOrWallClock() {
        return offset == null ? wallClock.toInstant(ZoneOffset.UTC) : instant();
    }
}
