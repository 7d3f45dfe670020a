package org.cotejo.forensics.record;

import java.util.Objects;
import org.cotejo.core.observable.Observable;

/**
 * An observable found in a record, the field it was read from, and what kind of trace it is.
 *
 * @param observable the normalised value (raw text kept inside)
 * @param field      the record field holding it ("url", "links[2]", "proc_name")
 * @param trace      the kind of trace, for the verdict rule
 */
public record ObservedValue(Observable observable, String field, TraceClass trace) {
    public ObservedValue {
        Objects.requireNonNull(observable, "observable");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(trace, "trace");
    }
}
