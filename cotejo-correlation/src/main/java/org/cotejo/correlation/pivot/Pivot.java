package org.cotejo.correlation.pivot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.DeviceRef;

/**
 * A candidate indicator: a value in no feed and on no warning list, of a type an operator sets up, shared
 * by targeted devices and rare elsewhere. It is proof of nothing until an analyst confirms it.
 *
 * @param type               its type
 * @param value              the normalised value
 * @param status             candidate, confirmed or rejected
 * @param decision           the analyst's decision, if any
 * @param devices            targeted devices showing it, sorted
 * @param groups             their groups, sorted
 * @param backgroundDevices  background devices (no indicator match at all) showing it
 * @param exposedDevices     exposure-only devices showing it
 * @param clusters           ids of the clusters its devices belong to, sorted
 * @param firstSeen          earliest sighting on the targeted devices, or null
 * @param lastSeen           latest, or null
 * @param example            where it was seen, on the first device
 */
public record Pivot(ObservableType type, String value, Status status, Optional<PivotDecision> decision, List<DeviceRef> devices,
                    List<String> groups, int backgroundDevices, int exposedDevices, List<String> clusters, Instant firstSeen,
                    Instant lastSeen, String example) {
    public Pivot {
        devices = List.copyOf(devices);
        groups = List.copyOf(groups);
        clusters = List.copyOf(clusters);
        decision = decision == null ? Optional.empty() : decision;
        example = example == null ? "" : example;
    }

    public enum Status {
        CANDIDATE, CONFIRMED, REJECTED;

        public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
