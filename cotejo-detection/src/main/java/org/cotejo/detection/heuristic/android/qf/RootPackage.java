package org.cotejo.detection.heuristic.android.qf;

import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.android.AndroidPackageLists;
import org.cotejo.forensics.record.Fields;

/** An installed rooting or root-hiding app (MEDIUM, as MVT): root lets any app, an implant included, control the phone. */
public final class RootPackage extends PackageRule {
    @Override public String id() { return "android.packages.root-package"; }
    @Override public String description() {
        return "Installed apps that root the phone or hide root (Magisk, SuperSU, Xposed...): with root, an implant controls everything";
    }
    @Override Level level() { return Level.MEDIUM; }
    @Override boolean appliesToRootPackages() { return true; }

    @Override
    String judge(String name, String installer, Fields pkg) {
        if (!AndroidPackageLists.ROOT_PACKAGES.contains(name)) return null;
        return "Found an installed package related to rooting/jailbreaking: \"" + name + "\"; a rooted phone lets an app,"
                + " or an implant, read and change everything on it";
    }
}
