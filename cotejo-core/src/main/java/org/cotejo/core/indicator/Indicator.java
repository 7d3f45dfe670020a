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
 */
public record Indicator(String id, Observable value, Collection collection, String location) {
    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(location, "location");
    }
}
