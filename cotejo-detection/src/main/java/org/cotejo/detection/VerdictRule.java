package org.cotejo.detection;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.forensics.record.TraceClass;

/**
 * Turns detections and alerts into a verdict.
 * <ul>
 * <li><b>infected</b>: indicator evidence in at least two independent trace classes, at least one of them
 * showing the implant on the device (process, file or configuration traces). One class can be explained
 * away (a shared name, a stray file); two independent ones rarely can.</li>
 * <li><b>inconclusive</b>: implant traces in one class only, or HIGH/CRITICAL heuristic alerts with no
 * indicator evidence; an analyst must look.</li>
 * <li><b>attempted</b>: delivery or network evidence (a malicious link received, a server contacted) with
 * no implant trace: the person was targeted, infection is not shown.</li>
 * <li><b>nothing found</b>: none of the above; exposure-only matches and low alerts are listed.</li>
 * </ul>
 */
public final class VerdictRule {
    private VerdictRule() {}

    public static DeviceVerdict decide(List<Detection> detections, List<Alert> alerts) {
        Map<TraceClass, TreeSet<String>> modulesByClass = new EnumMap<>(TraceClass.class);
        Map<TraceClass, Integer> counts = new EnumMap<>(TraceClass.class);
        for (Detection d : detections) {
            if (d.disposition() != Disposition.EVIDENCE) continue;
            TraceClass c = d.observed().trace();
            modulesByClass.computeIfAbsent(c, k -> new TreeSet<>()).add(d.record().module());
            counts.merge(c, 1, Integer::sum);
        }
        List<String> reasons = new ArrayList<>();
        modulesByClass.forEach((c, mods) -> reasons.add(c.label() + ": " + counts.get(c) + " indicator match"
                + (counts.get(c) == 1 ? "" : "es") + " in " + String.join(", ", mods)));
        long implantClasses = modulesByClass.keySet().stream().filter(TraceClass::showsImplant).count();
        long serious = alerts.stream().filter(a -> a.level().atLeast(Level.HIGH)).count();
        if (serious > 0) {
            reasons.add(serious + " HIGH or CRITICAL heuristic alert" + (serious == 1 ? "" : "s") + ": "
                    + String.join("; ", alerts.stream().filter(a -> a.level().atLeast(Level.HIGH))
                    .map(Alert::heuristic).distinct().sorted().toList()));
        }
        long exposures = detections.stream().filter(d -> d.disposition() == Disposition.EXPOSURE).count();
        if (exposures > 0) reasons.add(exposures + " exposure-only match" + (exposures == 1 ? "" : "es") + " in browser data");
        var classes = modulesByClass.keySet();
        if (implantClasses >= 1 && classes.size() >= 2) {
            return new DeviceVerdict(Verdict.INFECTED, "indicator evidence in " + classes.size()
                    + " independent trace classes, including traces of the implant on the device", reasons, classes);
        }
        if (implantClasses >= 1) {
            return new DeviceVerdict(Verdict.INCONCLUSIVE, "indicator evidence of the implant in one trace class only;"
                    + " infection needs a second, independent class", reasons, classes);
        }
        if (classes.contains(TraceClass.DELIVERY) || classes.contains(TraceClass.NETWORK)) {
            return new DeviceVerdict(Verdict.ATTEMPTED, "delivery or network indicator evidence without any trace of the"
                    + " implant on the device: targeted, infection not shown", reasons, classes);
        }
        if (serious > 0) {
            return new DeviceVerdict(Verdict.INCONCLUSIVE, "HIGH or CRITICAL heuristic alerts without indicator evidence;"
                    + " an analyst must examine them", reasons, classes);
        }
        return new DeviceVerdict(Verdict.NOTHING_FOUND, "no indicator evidence and no HIGH or CRITICAL alert", reasons, classes);
    }
}
