package org.cotejo.detection.heuristic.android;

import java.util.Set;

/**
 * Package names the Android heuristics know: rooting tools, vendor security agents and system-update
 * packages (an attacker disables the last two to keep an implant alive and the phone unpatched), and
 * third-party stores. Shared by the AndroidQF and dumpsys package rules so both judge alike.
 */
public final class AndroidPackageLists {
    private AndroidPackageLists() {}

    /** Apps that root a phone or hide that it is rooted. */
    public static final Set<String> ROOT_PACKAGES = Set.of(
            "com.noshufou.android.su", "com.noshufou.android.su.elite", "eu.chainfire.supersu",
            "com.koushikdutta.superuser", "com.thirdparty.superuser", "com.yellowes.su",
            "com.koushikdutta.rommanager", "com.koushikdutta.rommanager.license", "com.dimonvideo.luckypatcher",
            "com.chelpus.lackypatch", "com.ramdroid.appquarantine", "com.ramdroid.appquarantinepro",
            "com.devadvance.rootcloak", "com.devadvance.rootcloakplus", "de.robv.android.xposed.installer",
            "com.saurik.substrate", "com.zachspong.temprootremovejb", "com.amphoras.hidemyroot",
            "com.amphoras.hidemyrootadfree", "com.formyhm.hiderootPremium", "com.formyhm.hideroot",
            "me.phh.superuser", "eu.chainfire.supersu.pro", "com.kingouser.com", "com.topjohnwu.magisk");

    /** Vendor security and device-management agents. */
    public static final Set<String> SECURITY_PACKAGES = Set.of(
            "com.policydm", "com.samsung.android.app.omcagent", "com.samsung.android.securitylogagent",
            "com.sec.android.soagent");

    /** Packages that deliver system updates. */
    public static final Set<String> SYSTEM_UPDATE_PACKAGES = Set.of(
            "com.android.updater", "com.google.android.gms", "com.huawei.android.hwouc", "com.lge.lgdmsclient",
            "com.motorola.ccc.ota", "com.oneplus.opbackup", "com.oppo.ota", "com.transsion.systemupdate",
            "com.wssyncmldm");

    /** Installers that are third-party app stores. */
    public static final Set<String> THIRD_PARTY_STORES = Set.of("com.aurora.store", "org.fdroid.fdroid");

    /** Installers that mean the app was installed from a file (e.g. downloaded by a browser). */
    public static final Set<String> PACKAGE_INSTALLERS = Set.of(
            "com.google.android.packageinstaller", "com.android.packageinstaller");
}
