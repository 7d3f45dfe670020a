package org.cotejo.correlation.specificity;

import java.util.Objects;

/**
 * Why a value (or an infrastructure key) links nothing. Exclusions are reported, never silent: a reader
 * must see that {@code www.google.com} was present and why it was not weighed.
 *
 * @param reason the rule that excluded it
 * @param detail one line: the warning list and entry, the count and the cap, the analyst's decision
 */
public record Exclusion(Reason reason, String detail) {
    public Exclusion {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public enum Reason {
        /** On a warning list of common values (or matched with the disposition "warning-listed"). */
        WARNING_LISTED("warning-listed"),
        /** On more devices than the fan-out cap allows. */
        FAN_OUT("over the fan-out cap"),
        /** Its only indicator matches are known false positives (name collision, developer artefact). */
        FALSE_POSITIVE("false-positive match"),
        /** A pivot an analyst rejected. */
        REJECTED_PIVOT("rejected pivot");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String words() { return words; }

        public String key() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
    }
}
