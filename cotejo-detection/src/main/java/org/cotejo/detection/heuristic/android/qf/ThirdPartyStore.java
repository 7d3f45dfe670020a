package org.cotejo.detection.heuristic.android.qf;

import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.android.AndroidPackageLists;
import org.cotejo.forensics.record.Fields;

/** An app installed from a third-party store (INFORMATIONAL, as MVT): common and legitimate, but outside Play Protect's review. */
public final class ThirdPartyStore extends PackageRule {
    @Override public String id() { return "android.packages.third-party-store"; }
    @Override public String description() {
        return "Apps installed from a third-party store (F-Droid, Aurora): legitimate, but not reviewed by Google Play";
    }
    @Override Level level() { return Level.INFO; }

    @Override
    String judge(String name, String installer, Fields pkg) {
        if (!AndroidPackageLists.THIRD_PARTY_STORES.contains(installer)) return null;
        return "Found a package installed via a third party store (installer=\"" + installer + "\"): \"" + name
                + "\"; such apps are not reviewed by Google Play, which is usually a choice of the phone's owner";
    }
}
