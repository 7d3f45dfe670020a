package org.cotejo.detection.heuristic.ios.applications;

import java.util.List;
import org.cotejo.forensics.record.Fields;

/** How alerts name an app of the Applications module: its bundle id, else whatever name the record has. */
final class AppNames {
    private AppNames() {}

    static String of(Fields f) {
        for (String key : List.of("softwareVersionBundleId", "name", "itemName", "file_path")) {
            String v = f.string(key);
            if (v != null && !v.isBlank()) return "\"" + v + "\"";
        }
        return "(unnamed)";
    }
}
