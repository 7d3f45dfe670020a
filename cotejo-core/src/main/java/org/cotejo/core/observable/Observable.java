package org.cotejo.core.observable;

import java.util.Objects;

/**
 * A typed value: seen on a device, or carried by an indicator. {@code value} is the canonical form
 * used for matching; {@code raw} is the text exactly as found, kept for the report and for court.
 */
public record Observable(ObservableType type, String value, String raw) implements Comparable<Observable> {
    public Observable {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
    }

    /** Normalises {@code raw} as {@code type}; throws {@link InvalidObservableException} when malformed. */
    public static Observable of(ObservableType type, String raw) {
        return type.normalise(raw);
    }

    @Override
    public int compareTo(Observable o) {
        int c = type.compareTo(o.type);
        if (c != 0) return c;
        c = value.compareTo(o.value);
        return c != 0 ? c : raw.compareTo(o.raw);
    }

    @Override
    public String toString() {
        return type.key() + ":" + value;
    }
}
