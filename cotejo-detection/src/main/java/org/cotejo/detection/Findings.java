package org.cotejo.detection;

import java.util.List;
import org.cotejo.detection.heuristic.Alert;

/** What detection concluded about one extraction. */
public record Findings(List<Detection> detections, List<Alert> alerts, DeviceVerdict verdict) {
    public Findings {
        detections = List.copyOf(detections);
        alerts = List.copyOf(alerts);
    }

    /** The highest level among detections and alerts, or null when there are none. */
    public Level highest() {
        Level max = null;
        for (Detection d : detections) if (max == null || d.level().value() > max.value()) max = d.level();
        for (Alert a : alerts) if (max == null || a.level().value() > max.value()) max = a.level();
        return max;
    }
}
