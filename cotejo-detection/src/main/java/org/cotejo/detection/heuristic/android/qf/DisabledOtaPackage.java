package org.cotejo.detection.heuristic.android.qf;

import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.android.AndroidPackageLists;
import org.cotejo.forensics.record.Fields;

/** A system-update package that is disabled (MEDIUM, as MVT): an update would close the hole an implant came in by. */
public final class DisabledOtaPackage extends PackageRule {
    @Override public String id() { return "android.packages.disabled-ota-package"; }
    @Override public String description() { return "System update (OTA) packages disabled on the phone, which keeps it unpatched"; }
    @Override Level level() { return Level.MEDIUM; }

    @Override
    String judge(String name, String installer, Fields pkg) {
        if (!pkg.truthy("disabled") || !AndroidPackageLists.SYSTEM_UPDATE_PACKAGES.contains(name)) return null;
        return "System OTA update package \"" + name + "\" disabled on the phone; without updates the vulnerabilities"
                + " spyware exploits stay open";
    }
}
