package org.cotejo.forensics.android.qf;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The phone's time zone as its {@code getprop.txt} gives it ({@code persist.sys.timezone}), attached to
 * an AndroidQF extraction. Empty when the collection does not say: wall-clock times read from the
 * device are then labelled device-local instead of being converted.
 */
public record DeviceZone(Optional<ZoneId> zone) {
    public DeviceZone {
        Objects.requireNonNull(zone, "zone");
    }

    public static DeviceZone unknown() { return new DeviceZone(Optional.empty()); }
}
