package org.cotejo.correlation.sim;

import java.util.Objects;

/** Two device ids, unordered: stored with the smaller first, so (a, b) and (b, a) are one key. */
public record DevicePair(String first, String second) implements Comparable<DevicePair> {
    public DevicePair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.compareTo(second) > 0) {
            String t = first;
            first = second;
            second = t;
        }
        if (first.equals(second)) throw new IllegalArgumentException("a pair needs two different devices, got " + first + " twice");
    }

    public static DevicePair of(String a, String b) {
        return new DevicePair(a, b);
    }

    @Override
    public int compareTo(DevicePair o) {
        int c = first.compareTo(o.first);
        return c != 0 ? c : second.compareTo(o.second);
    }
}
