package org.cotejo.correlation.level;

import java.util.Objects;
import org.cotejo.correlation.model.EvidenceLevel;

/**
 * The evidence level of one value and where it comes from, so an explanation can say why a domain
 * counted as the operator's and a process name only as the tool's.
 *
 * @param level the level
 * @param basis "indicator", "feed", or "type" (the default for the value's type)
 * @param note  one line for people: "indicator pegasus-17 of feed Amnesty Pegasus", "feed override for
 *              Amnesty Pegasus v4", "default for domain names"
 */
public record ResolvedLevel(EvidenceLevel level, String basis, String note) {
    public ResolvedLevel {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(note, "note");
    }
}
