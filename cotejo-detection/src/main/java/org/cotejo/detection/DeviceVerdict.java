package org.cotejo.detection;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cotejo.forensics.record.TraceClass;

/**
 * A verdict and why.
 *
 * @param verdict  the conclusion
 * @param rule     the rule that produced it, in one sentence
 * @param reasons  the facts it rests on ("process traces: 2 detections in datausage, shutdown_log")
 * @param classes  the trace classes with evidence
 */
public record DeviceVerdict(Verdict verdict, String rule, List<String> reasons, Set<TraceClass> classes) {
    public DeviceVerdict {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(rule, "rule");
        reasons = List.copyOf(reasons);
        classes = Set.copyOf(classes);
    }
}
