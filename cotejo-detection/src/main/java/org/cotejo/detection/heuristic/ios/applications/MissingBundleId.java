package org.cotejo.detection.heuristic.ios.applications;

import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * An installed app whose store metadata lacks {@code softwareVersionBundleId}, which every app from
 * the store has (MEDIUM, as MVT; MVT looks only when indicators are loaded, Cotejo always does).
 */
public final class MissingBundleId implements Heuristic {
    @Override public String id() { return "applications.missing-bundle-id"; }
    @Override public String description() {
        return "Installed apps whose store metadata has no bundle id (softwareVersionBundleId), which store apps always have";
    }
    @Override public Set<String> modules() { return Set.of("applications"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            String bundleId = f.string("softwareVersionBundleId");
            if (bundleId != null && !bundleId.isBlank()) return;
            out.alert(new Alert(Level.MEDIUM, id(), "App " + AppNames.of(f) + " has no bundle id (softwareVersionBundleId)"
                    + " in its store metadata (" + record.provenance().describe() + ")", MvtTime.parse(f.string("isodate")), record));
        };
    }
}
