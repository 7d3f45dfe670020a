package org.cotejo.forensics.android.dumpsys;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Times printed by dumpsys: the device's wall clock, with no zone. Records keep the text as printed
 * and, when the bugreport's properties give {@code persist.sys.timezone}, a {@code time_zone} field; a
 * timeline event then carries the true UTC instant, otherwise the wall clock read as UTC and marked
 * device-local.
 */
final class DeviceTime {
    /** The field naming the zone of a record's wall-clock times, when the bugreport states it. */
    static final String ZONE_FIELD = "time_zone";
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss"));

    private DeviceTime() {}

    /** "2022-03-29 18:37:30.315", "2022-06-29 23:28:46", "2022-08-16-15-56-39" or a bare date, as wall clock; null otherwise. */
    static LocalDateTime parse(String text) {
        if (text == null) return null;
        String s = text.strip();
        for (DateTimeFormatter f : FORMATS) {
            try {
                return LocalDateTime.parse(s, f);
            } catch (DateTimeParseException e) {
                // the next shape
            }
        }
        try {
            return LocalDate.parse(s).atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** One timeline event at the record's wall-clock time {@code text}, or none when it does not parse. */
    static List<TimelineEvent> event(Fields r, String text, String module, String event, String description) {
        LocalDateTime local = parse(text);
        if (local == null) return List.of();
        String zone = r.string(ZONE_FIELD);
        if (zone != null) {
            try {
                return List.of(new TimelineEvent(local.atZone(ZoneId.of(zone)).toInstant(), module, event, description, false));
            } catch (DateTimeException e) {
                // an unknown zone: fall back to the wall clock
            }
        }
        Instant asUtc = local.toInstant(ZoneOffset.UTC);
        return List.of(new TimelineEvent(asUtc, module, event, description, true));
    }

    /** The builder's record with the zone field added when the zone is known. */
    static Fields.Builder zone(Fields.Builder b, String zone) {
        return b.putIfPresent(ZONE_FIELD, zone);
    }
}
