package org.cotejo.correlation.model;

import java.util.List;
import java.util.Objects;
import org.cotejo.detection.Verdict;

/**
 * Everything correlation knows about one device: who it is, the per-device verdict and every observable
 * seen on it (matched or not: unknown values shared by infected devices are what pivots are made of).
 *
 * @param device    the device
 * @param verdict   its verdict from the detection stage
 * @param sightings one per distinct observable, in a stable order (type, then value)
 * @param sources   what the evidence was read from: case folders, check output folders, MVT folders
 */
public record DeviceEvidence(DeviceRef device, Verdict verdict, List<Sighting> sightings, List<String> sources) {
    public DeviceEvidence {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(verdict, "verdict");
        sightings = List.copyOf(sightings);
        sources = List.copyOf(sources);
    }

    /**
     * Whether the device counts as a target for clustering: infected or attempted, or inconclusive with
     * at least one indicator match kept as evidence. Exposure-only devices (a journalist who visited a
     * spyware domain) are not: they may share values with a cluster but are reported as exposed.
     */
    public boolean targeted() {
        if (verdict == Verdict.INFECTED || verdict == Verdict.ATTEMPTED) return true;
        return verdict == Verdict.INCONCLUSIVE && sightings.stream().anyMatch(Sighting::isEvidence);
    }
}
