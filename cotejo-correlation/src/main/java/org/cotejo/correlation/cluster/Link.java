package org.cotejo.correlation.cluster;

import java.util.Objects;
import org.cotejo.correlation.lr.PairScore;
import org.cotejo.correlation.model.DeviceRef;

/**
 * One weighed pair of targeted devices.
 *
 * @param a     the first device (in {@link DeviceRef} order)
 * @param b     the second device
 * @param score everything they share and the combined likelihood ratio
 * @param link  whether the ratio reaches the link threshold (only links build clusters)
 */
public record Link(DeviceRef a, DeviceRef b, PairScore score, boolean link) {
    public Link {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(score, "score");
    }
}
