package org.cotejo.detection.heuristic.android.qf;

import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.android.AndroidPackageLists;
import org.cotejo.forensics.record.Fields;

/** A vendor security agent that is disabled (MEDIUM, as MVT): an implant turns these off to avoid being reported. */
public final class DisabledSecurityPackage extends PackageRule {
    @Override public String id() { return "android.packages.disabled-security-package"; }
    @Override public String description() { return "Vendor security agents (Samsung, device management) disabled on the phone"; }
    @Override Level level() { return Level.MEDIUM; }

    @Override
    String judge(String name, String installer, Fields pkg) {
        if (!pkg.truthy("disabled") || !AndroidPackageLists.SECURITY_PACKAGES.contains(name)) return null;
        return "Security package \"" + name + "\" disabled on the phone; malware disables these agents so that it is not reported";
    }
}
