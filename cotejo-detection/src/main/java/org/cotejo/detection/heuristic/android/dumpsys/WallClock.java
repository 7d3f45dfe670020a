package org.cotejo.detection.heuristic.android.dumpsys;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.cotejo.forensics.record.Fields;

/**
 * The alert time of a dumpsys wall-clock text: converted with the record's {@code time_zone} when the
 * bugreport named the zone, else the wall clock read as UTC (as the timeline marks it device-local).
 */
final class WallClock {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private WallClock() {}

    static Instant of(Fields record, String text) {
        if (text == null || text.isBlank()) return null;
        LocalDateTime local;
        try {
            local = text.strip().length() == 10 ? LocalDate.parse(text.strip()).atStartOfDay() : LocalDateTime.parse(text.strip(), TIME);
        } catch (DateTimeException e) {
            return null;
        }
        String zone = record.string("time_zone");
        try {
            return zone == null ? local.toInstant(ZoneOffset.UTC) : local.atZone(ZoneId.of(zone)).toInstant();
        } catch (DateTimeException e) {
            return local.toInstant(ZoneOffset.UTC);
        }
    }
}
