package org.cotejo.detection.heuristic.android.qf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.forensics.android.qf.AqfPackages;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;

class PackageRulesTest {

    static Record pkg(String name, String installer, boolean system, boolean disabled) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("files", List.of());
        f.put("installer", installer);
        f.put("uid", 10100);
        f.put("disabled", disabled);
        f.put("system", system);
        f.put("third_party", !system);
        return QfRecords.of(new AqfPackages(), "packages.json", f);
    }

    @Test
    void theTwelveAndroidQfRulesAreFoundByTheServiceLoader() {
        List<String> ids = new ArrayList<>();
        java.util.ServiceLoader.load(Heuristic.class).forEach(h -> ids.add(h.id()));
        assertThat(ids).contains("android.packages.root-package", "android.packages.third-party-store",
                "android.packages.browser-install", "android.packages.adb-install", "android.packages.disabled-security-package",
                "android.packages.disabled-ota-package", "android.root-binaries.root-binary", "android.settings.dangerous-setting",
                "android.getprop.old-security-patch", "android.mounts.rw-system-partition", "android.mounts.suspicious-options",
                "android.files.local-tmp-file");
    }

    @Test
    void flagsARootingAppAndNothingElseAboutIt() {
        Record magisk = pkg("com.topjohnwu.magisk", "com.google.android.packageinstaller", false, false);

        assertThat(QfRecords.run(new RootPackage(), magisk)).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.message()).startsWith("Found an installed package related to rooting/jailbreaking: \"com.topjohnwu.magisk\"")
                    .contains("packages.json");
        });
        assertThat(QfRecords.run(new BrowserInstall(), magisk)).isEmpty();
        assertThat(QfRecords.run(new RootPackage(), pkg("com.whatsapp", "com.android.vending", false, false))).isEmpty();
    }

    @Test
    void notesAnAppFromAThirdPartyStoreAsInformation() {
        List<Alert> alerts = QfRecords.run(new ThirdPartyStore(), pkg("org.nuclearfog.apollo", "org.fdroid.fdroid", false, false),
                pkg("com.whatsapp", "com.android.vending", false, false));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.INFO);
            assertThat(a.message()).contains("installer=\"org.fdroid.fdroid\"").contains("\"org.nuclearfog.apollo\"");
        });
    }

    @Test
    void flagsAnAppInstalledFromAnApkFileEvenASystemOne() {
        List<Alert> alerts = QfRecords.run(new BrowserInstall(),
                pkg("app.revanced.manager.flutter", "com.google.android.packageinstaller", false, false),
                pkg("com.google.android.youtube", "com.android.packageinstaller", true, false),
                pkg("com.whatsapp", "com.android.vending", false, false));

        assertThat(alerts).extracting(Alert::level).containsExactly(Level.MEDIUM, Level.MEDIUM);
        assertThat(alerts.get(0).message()).startsWith("Found a package installed via a browser (installer=\"com.google.android.packageinstaller\"): \"app.revanced.manager.flutter\"");
    }

    @Test
    void flagsANonSystemAppWithoutInstallerButNotASystemOne() {
        List<Alert> alerts = QfRecords.run(new AdbInstall(), pkg("com.whatsapp", "null", false, false),
                pkg("com.malware.blah", "null", true, false), pkg("com.example", "com.android.vending", false, false));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.message()).startsWith("Found a non-system package installed via adb or another method: \"com.whatsapp\"");
        });
    }

    @Test
    void flagsDisabledSecurityAndUpdatePackagesOnly() {
        Record[] pkgs = {pkg("com.sec.android.soagent", "null", true, true), pkg("com.sec.android.soagent", "null", true, false),
                pkg("com.google.android.gms", "null", true, true), pkg("com.example.game", "null", true, true)};

        assertThat(QfRecords.run(new DisabledSecurityPackage(), pkgs)).singleElement()
                .satisfies(a -> assertThat(a.message()).startsWith("Security package \"com.sec.android.soagent\" disabled on the phone"));
        assertThat(QfRecords.run(new DisabledOtaPackage(), pkgs)).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.message()).startsWith("System OTA update package \"com.google.android.gms\" disabled on the phone");
        });
    }
}
