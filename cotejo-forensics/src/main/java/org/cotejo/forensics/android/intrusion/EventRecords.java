package org.cotejo.forensics.android.intrusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * An intrusion-log event as a record: the event's own fields as exported, then {@code timestamp}, its
 * {@code event_time} as UTC text, and when the device's zone is known {@code timestamp_local} and
 * {@code timezone}. MVT writes the zone's wall clock in {@code timestamp} instead; Cotejo keeps UTC there
 * so the field means one thing in every record.
 */
final class EventRecords {
    /** How the event's {@code event_time} counts: DNS and connection events in ms, security events in ns. */
    enum Unit { MILLIS, NANOS }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private EventRecords() {}

    /** Emits {@code event} read from {@code file} at {@code line} as one record. */
    static void emit(ModuleContext ctx, SourceFile file, long line, JsonNode event, Unit unit) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.convertValue(event, LinkedHashMap.class);
        Instant when = instant(event.get("event_time"), unit);
        map.put("timestamp", when == null ? null : MvtTime.format(when));
        ZoneId zone = IntrusionLogReader.export(ctx).zone().orElse(null);
        if (zone != null && when != null) {
            map.put("timestamp_local", LOCAL.format(when.atZone(zone)));
            map.put("timezone", zone.getId());
        }
        ctx.emit(Fields.of(map), ctx.provenance(file, "line " + line));
    }

    /** The instant of an epoch count (a number, or digits as text), or null when absent or not a count. */
    static Instant instant(JsonNode value, Unit unit) {
        if (value == null || value.isNull()) return null;
        BigInteger n;
        try {
            if (value.isIntegralNumber()) n = value.bigIntegerValue();
            else if (value.isTextual() && value.asText().strip().matches("-?\\d{1,25}")) n = new BigInteger(value.asText().strip());
            else return null;
            BigInteger[] parts = n.divideAndRemainder(BigInteger.valueOf(unit == Unit.MILLIS ? 1_000L : 1_000_000_000L));
            long seconds = parts[0].longValueExact();
            long rest = parts[1].longValue();
            if (rest < 0) {
                seconds--;
                rest += unit == Unit.MILLIS ? 1_000L : 1_000_000_000L;
            }
            return Instant.ofEpochSecond(seconds, unit == Unit.MILLIS ? rest * 1_000_000L : rest);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * The record's time for the timeline, to the nanosecond: from {@code event_time}, else (a record
     * without it, read back from MVT) from {@code timestamp}; null when neither gives one.
     */
    static Instant time(Fields r, Unit unit) {
        Object v = r.get("event_time");
        Instant t = v == null ? null : instant(JSON.valueToTree(v), unit);
        return t != null ? t : MvtTime.parse(r.string("timestamp"));
    }

    /** An address as the exports write it, "/1.2.3.4" or "ip6-localhost/::1": the part after the last '/'. */
    static String address(String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        int slash = s.lastIndexOf('/');
        s = slash >= 0 ? s.substring(slash + 1) : s;
        return s.isEmpty() ? null : s;
    }
}
