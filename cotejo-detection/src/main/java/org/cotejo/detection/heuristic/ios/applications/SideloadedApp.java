package org.cotejo.detection.heuristic.ios.applications;

import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * An app installed from somewhere other than the App Store or a device-management service: a
 * sideloaded app, which escapes Apple's review (MEDIUM, as MVT). Metadata without a source counts as
 * the App Store, as MVT reads it.
 */
public final class SideloadedApp implements Heuristic {
    static final Set<String> TRUSTED_SOURCES = Set.of("com.apple.AppStore", "com.apple.AppStore.ProductPageExtension",
            "com.apple.dmd", "dmd");

    @Override public String id() { return "applications.sideloaded"; }
    @Override public String description() {
        return "Apps not installed from the App Store or by device management (MDM): sideloaded apps skip Apple's review";
    }
    @Override public Set<String> modules() { return Set.of("applications"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            String source = f.string("sourceApp");
            if (source == null || source.isEmpty()) source = "com.apple.AppStore";
            if (TRUSTED_SOURCES.contains(source)) return;
            out.alert(new Alert(Level.MEDIUM, id(), "App " + AppNames.of(f) + " was installed from \"" + source
                    + "\", not from the App Store or device management: it may have been sideloaded ("
                    + record.provenance().describe() + ")", MvtTime.parse(f.string("isodate")), record));
        };
    }
}
