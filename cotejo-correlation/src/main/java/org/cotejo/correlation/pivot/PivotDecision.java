package org.cotejo.correlation.pivot;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;

/**
 * An analyst's recorded decision on a pivot: a candidate counts as proof only once confirmed; a rejected
 * one is excluded and reported as such.
 *
 * @param value    the value as the analyst wrote it (normalised before comparing)
 * @param type     its type
 * @param decision confirmed or rejected
 * @param analyst  who decided
 * @param when     when, or null
 * @param note     why, in the analyst's words, or ""
 */
public record PivotDecision(String value, ObservableType type, Decision decision, String analyst, Instant when, String note) {
    public PivotDecision {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(decision, "decision");
        analyst = analyst == null ? "" : analyst;
        note = note == null ? "" : note;
    }

    public enum Decision {
        CONFIRMED, REJECTED;

        public String key() { return name().toLowerCase(Locale.ROOT); }
    }

    /**
     * "domain:evil.com": the value normalised as its type, as the value index keys it.
     *
     * @throws CotejoException when the value is not a valid value of its type
     */
    public String key() {
        try {
            return type.key() + ":" + type.normalise(value).value();
        } catch (CotejoException e) {
            throw new CotejoException("pivot decision by " + (analyst.isEmpty() ? "an unnamed analyst" : analyst) + ": "
                    + e.getMessage() + "; correct the value or its type in the decisions", e);
        }
    }

    /** "confirmed pivot: Ana on 2025-03-01T10:00:00Z: same lure texts" */
    public String describe() {
        StringBuilder b = new StringBuilder(decision.key()).append(" pivot");
        if (!analyst.isEmpty()) b.append(": ").append(analyst);
        if (when != null) b.append(" on ").append(when);
        if (!note.isEmpty()) b.append(": ").append(note);
        return b.toString();
    }
}
