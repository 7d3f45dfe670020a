package org.cotejo.detection.heuristic;

import java.time.Instant;
import java.util.Objects;
import org.cotejo.detection.Level;
import org.cotejo.forensics.record.Record;

/**
 * A suspicious trace found without an indicator.
 *
 * @param level     severity
 * @param heuristic the heuristic's id ("sms.apple-threat-notification")
 * @param message   one sentence saying what was found and where
 * @param eventTime when the trace happened, or null when the record has no time for it
 * @param record    the record that shows it (with its provenance)
 */
public record Alert(Level level, String heuristic, String message, Instant eventTime, Record record) {
    public Alert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(heuristic, "heuristic");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(record, "record");
    }

    public String module() { return record.module(); }
}
