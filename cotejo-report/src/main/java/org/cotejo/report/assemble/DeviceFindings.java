package org.cotejo.report.assemble;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.TimelinePoint;

/** The order findings are listed in and the timeline drawn from them: one rule for every source. */
final class DeviceFindings {
    private static final List<String> SEVERITY = List.of("critical", "high", "medium", "low", "info");

    private DeviceFindings() {}

    /** Most severe first, then oldest first (undated last), then by value: the same findings always list the same way. */
    static List<Finding> sorted(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparingInt((Finding f) -> severity(f.level()))
                .thenComparing(Finding::time, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Finding::kind).thenComparing(Finding::type).thenComparing(Finding::value)
                .thenComparing(Finding::sourceFile).thenComparing(Finding::locator).thenComparing(Finding::indicatorId));
        return out;
    }

    /** The dated findings, oldest first, one point per distinct (time, trace, label). */
    static List<TimelinePoint> timeline(List<Finding> findings) {
        List<TimelinePoint> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.time() == null) continue;
            String label = f.isDetection() ? f.type() + " " + f.value() : f.rule().isEmpty() ? f.module() : f.rule();
            TimelinePoint p = new TimelinePoint(f.time(), f.level(), f.trace(), label);
            if (!out.contains(p)) out.add(p);
        }
        out.sort(Comparator.comparing(TimelinePoint::time).thenComparing(TimelinePoint::trace).thenComparing(TimelinePoint::label));
        return out;
    }

    static String level(String stored) {
        return stored == null ? "" : stored.toLowerCase(Locale.ROOT);
    }

    private static int severity(String level) {
        int i = SEVERITY.indexOf(level);
        return i < 0 ? SEVERITY.size() : i;
    }

    /**
     * Findings restated from correlation's evidence when nothing richer is at hand (a device-evidence.json,
     * a received package): one per indicator match, with the sighting's example as its source. The level is
     * "high" for a match kept as evidence and "info" for the others (exposure, warning-listed...).
     */
    static List<Finding> fromSightings(DeviceEvidence e) {
        List<Finding> out = new ArrayList<>();
        for (Sighting s : e.sightings()) {
            for (MatchRef m : s.matches()) {
                boolean evidence = m.disposition() == org.cotejo.detection.Disposition.EVIDENCE;
                out.add(new Finding("detection", evidence ? "high" : "info", m.disposition().label(), s.trace().label(), "",
                        s.value().type().key(), s.value().raw(), s.value().value(), m.indicatorId(), m.collection(), m.feedSha256(), "",
                        s.example(), "", "", s.firstSeen(), "\"" + s.value().value() + "\" matches an indicator of " + m.collection(), m.threat()));
            }
        }
        return sorted(out);
    }
}
