package org.cotejo.detection;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cotejo.core.indicator.Match;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Record;
import org.cotejo.indicators.warninglist.WarningHit;

/**
 * An observable of a record matched by an indicator.
 *
 * @param record      the record, with its provenance (file, SHA-256, row)
 * @param observed    the observable, its field and trace class
 * @param match       the indicator (with its collection and feed hash) and the matching rule
 * @param level       severity after the disposition is applied
 * @param disposition what the match is worth as evidence
 * @param warnings    warning lists the value is on (empty for most)
 * @param time        when the trace happened (the record's earliest timeline time), or null
 */
public record Detection(Record record, ObservedValue observed, Match match, Level level, Disposition disposition,
                        List<WarningHit> warnings, Instant time) {
    public Detection {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(disposition, "disposition");
        warnings = List.copyOf(warnings);
    }

    public Detection withDisposition(Disposition d, Level l) {
        return new Detection(record, observed, match, l, d, warnings, time);
    }

    /** One sentence: what was found, where, and which indicator of which feed matched it. */
    public String message() {
        var ind = match.indicator();
        var coll = ind.collection();
        return "\"" + observed.observable().raw() + "\" in " + record.module() + " (" + observed.field() + ") matches "
                + ind.value().type().label() + " indicator \"" + ind.value().raw() + "\" of \"" + coll.name() + "\": "
                + match.rule().description();
    }
}
