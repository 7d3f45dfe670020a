package org.cotejo.report.model;

import java.util.List;
import java.util.Objects;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.detection.Verdict;

/**
 * One device: its inventory (what was acquired, by whom, with hashes) and its findings.
 *
 * @param ref       the device as correlation names it; {@code ref.label()} is the pseudonym the report uses
 * @param verdict   infected, attempted, inconclusive or nothing found
 * @param rule      the verdict rule that decided it (its key)
 * @param reasons   the verdict's reasons, as stated by the detection stage
 * @param evidence  the evidence items examined for this device
 * @param findings  detections and alerts with provenance, most severe first then by time
 * @param timeline  the dated findings, oldest first, for the device's timeline chart
 */
public record DeviceEntry(DeviceRef ref, Verdict verdict, String rule, List<String> reasons, List<EvidenceEntry> evidence,
                          List<Finding> findings, List<TimelinePoint> timeline) {
    public DeviceEntry {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(verdict, "verdict");
        rule = rule == null ? "" : rule;
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
        findings = List.copyOf(findings);
        timeline = List.copyOf(timeline);
    }

    public String pseudonym() {
        return ref.label();
    }
}
