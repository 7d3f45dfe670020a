package org.cotejo.correlation.cluster;

import java.util.List;
import org.cotejo.correlation.model.DeviceRef;

/**
 * A device that is not a target (exposure only: its owner visited a spyware domain, say) but shows
 * operator-level values a cluster rests on. It is listed, never clustered.
 *
 * @param device the device
 * @param values the cluster's values it shows, "type:value", sorted
 */
public record Exposure(DeviceRef device, List<String> values) {
    public Exposure {
        values = List.copyOf(values);
    }
}
