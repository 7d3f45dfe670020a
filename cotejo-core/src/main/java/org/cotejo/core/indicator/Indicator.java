package org.cotejo.core.indicator;

import java.util.Objects;
import org.cotejo.core.observable.Observable;

/**
 * A typed value from a collection, said to be known-bad.
 *
 * @param id         stable id: the STIX indicator id, the MISP attribute uuid, or {@code file:line}
 * @param value      the normalised value with its raw text
 * @param collection where it comes from
 * @param location   where in the feed file: "line 12", "indicator--…", "Attribute 5f0c…"
 * @param levelHint  the evidence level the feed states for this indicator itself ("tool", "operator",
 *                   "weak-infrastructure"), or "" when it states none; see docs/feeds.md. Correlation
 *                   uses it in place of the level its type would have by default.
 */
public record Indicator(String id, Observable value, Collection collection, String location, String levelHint) {
    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(location, "location");
        levelHint = levelHint == null ? "" : levelHint;
    }

    /** An indicator for which the feed states no level of its own. */
    public Indicator(String id, Observable value, Collection collection, String location) {
        this(id, value, collection, location, "");
    }

    /**
     * The level the feed states for this indicator: its own hint, else its collection's (the nearest
     * statement wins), else "".
     */
    public String statedLevel() {
        return !levelHint.isEmpty() ? levelHint : collection.levelHint();
    }
}
