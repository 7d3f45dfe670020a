package org.cotejo.detection.heuristic.android.qf;

import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.android.AndroidPackageLists;
import org.cotejo.forensics.record.Fields;

/**
 * An app installed by the system package installer, i.e. from an APK file, typically downloaded with a
 * browser (MEDIUM, as MVT, system apps included): the way stalkerware and spyware droppers are installed by
 * hand or by tricking the user.
 */
public final class BrowserInstall extends PackageRule {
    @Override public String id() { return "android.packages.browser-install"; }
    @Override public String description() {
        return "Apps installed from an APK file through the package installer (often downloaded with a browser): how"
                + " stalkerware is installed by hand";
    }
    @Override Level level() { return Level.MEDIUM; }

    @Override
    String judge(String name, String installer, Fields pkg) {
        if (!AndroidPackageLists.PACKAGE_INSTALLERS.contains(installer)) return null;
        return "Found a package installed via a browser (installer=\"" + installer + "\"): \"" + name
                + "\"; apps installed from an APK file skip the store's review, which is how stalkerware is put on a phone";
    }
}
