package org.cotejo.correlation.sim;

import java.util.HashMap;
import java.util.Map;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;

/**
 * One {@link Observable} instance per distinct value, so that a value seen on 50,000 phones is held once
 * (a 100,000-phone world holds about five million sightings). Values pass through the project's own
 * normalisers, so they are exactly what an artifact module would emit.
 */
final class ObservablePool {
    private final Map<ObservableType, Map<String, Observable>> byType = new HashMap<>();

    Observable of(ObservableType type, String raw) {
        return byType.computeIfAbsent(type, t -> new HashMap<>()).computeIfAbsent(raw, type::normalise);
    }

    /** A value seen once (a per-target URL): normalised, not kept. */
    static Observable fresh(ObservableType type, String raw) {
        return type.normalise(raw);
    }
}
