package org.cotejo.report.assemble;

import java.util.List;
import java.util.Objects;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.FeedEntry;
import org.cotejo.report.model.Side;

/**
 * One side of a comparison as read from its source: what the report says about it, what correlation
 * weighs, and what the report lists per device.
 *
 * @param side    where the material came from (case, package or folder) and its custody
 * @param devices the devices as correlation reads them, one per extraction or device
 * @param entries the devices' inventory and findings, keyed by {@code ref().id()} like {@code devices}
 * @param feeds   the feeds the side's findings were made with
 */
public record SideMaterial(Side side, List<DeviceEvidence> devices, List<DeviceEntry> entries, List<FeedEntry> feeds) {
    public SideMaterial {
        Objects.requireNonNull(side, "side");
        devices = List.copyOf(devices);
        entries = List.copyOf(entries);
        feeds = List.copyOf(feeds);
    }
}
