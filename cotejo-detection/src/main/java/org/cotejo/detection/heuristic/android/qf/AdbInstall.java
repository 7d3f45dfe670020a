package org.cotejo.detection.heuristic.android.qf;

import org.cotejo.detection.Level;
import org.cotejo.forensics.record.Fields;

/**
 * A non-system app without an installer: AndroidQF writes {@code "null"} when an app was installed over
 * ADB (a computer connected to the unlocked phone) or by another unusual method (MEDIUM, as MVT).
 */
public final class AdbInstall extends PackageRule {
    @Override public String id() { return "android.packages.adb-install"; }
    @Override public String description() {
        return "Non-system apps with no installer: installed over ADB from a computer, or another unusual way";
    }
    @Override Level level() { return Level.MEDIUM; }

    @Override
    String judge(String name, String installer, Fields pkg) {
        if (!installer.equals("null") || pkg.truthy("system")) return null;
        return "Found a non-system package installed via adb or another method: \"" + name
                + "\"; someone with the unlocked phone and a computer may have installed it";
    }
}
