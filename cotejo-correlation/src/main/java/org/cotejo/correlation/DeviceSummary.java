package org.cotejo.correlation;

import java.util.List;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.specificity.DeviceRole;
import org.cotejo.detection.Verdict;

/**
 * One device as correlation saw it (after merging extractions with one id).
 *
 * @param device    the device
 * @param verdict   its verdict
 * @param role      targeted (clustered), exposure only, or background
 * @param sightings distinct values seen on it
 * @param sources   what its evidence was read from
 */
public record DeviceSummary(DeviceRef device, Verdict verdict, DeviceRole role, int sightings, List<String> sources) {
    public DeviceSummary {
        sources = List.copyOf(sources);
    }
}
