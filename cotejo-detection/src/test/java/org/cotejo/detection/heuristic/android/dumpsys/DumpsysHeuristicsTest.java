package org.cotejo.detection.heuristic.android.dumpsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.android.dumpsys.DumpsysAccessibility;
import org.cotejo.forensics.android.dumpsys.DumpsysAppops;
import org.cotejo.forensics.android.dumpsys.DumpsysBatteryDaily;
import org.cotejo.forensics.android.dumpsys.DumpsysPackages;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;

class DumpsysHeuristicsTest {

    static Record record(ArtifactModule module, Map<String, ?> fields) {
        return Records.of(module, Fields.of(fields), new Provenance("bugreport-x.txt", null, "b".repeat(64), "line 7"));
    }

    static List<Alert> run(Heuristic h, Record... records) {
        List<Alert> out = new ArrayList<>();
        Heuristic.Session s = h.start(new HeuristicContext(null, ModuleOptions.DEFAULT, false));
        for (Record r : records) s.inspect(r, out::add);
        s.finish(out::add);
        return out;
    }

    static Map<String, Object> perm(String name, String access, List<Map<String, Object>> entries) {
        return Map.of("name", name, "access", access, "entries", entries);
    }

    @Test
    void everyHeuristicIsFoundByTheServiceLoader() {
        List<String> ids = new ArrayList<>();
        java.util.ServiceLoader.load(Heuristic.class).forEach(h -> ids.add(h.id()));
        assertThat(ids).contains("android.dumpsys.root-package", "android.dumpsys.accessibility-service",
                "android.dumpsys.appops-install-packages", "android.dumpsys.appops-shell", "android.dumpsys.battery-uninstall",
                "android.dumpsys.battery-downgrade", "android.dumpsys.adb-trusted-key", "android.dumpsys.dangerous-permissions");
    }

    @Test
    void flagsARootPackageOnceAndNotAnOrdinaryOne() {
        Record magisk = record(new DumpsysPackages(), Map.of("package_name", "com.topjohnwu.magisk"));
        assertThat(run(new RootPackage(), magisk, magisk, record(new DumpsysPackages(), Map.of("package_name", "com.whatsapp"))))
                .singleElement().satisfies(a -> {
                    assertThat(a.level()).isEqualTo(Level.MEDIUM);
                    assertThat(a.message()).contains("\"com.topjohnwu.magisk\"").contains("rooting").contains("line 7");
                });
    }

    @Test
    void flagsEveryAccessibilityServiceAndWellKnownOnesLower() {
        List<Alert> alerts = run(new AccessibilityService(),
                record(new DumpsysAccessibility(), Map.of("package_name", "com.malware.a", "service", "com.malware.a/.S", "list", "enabled")),
                record(new DumpsysAccessibility(), Map.of("package_name", "com.google.android.marvin.talkback",
                        "service", "com.google.android.marvin.talkback/.TalkBackService", "list", "installed")),
                record(new DumpsysAccessibility(), Map.of("package_name", "", "service", "")));
        assertThat(alerts).extracting(Alert::level).containsExactly(Level.MEDIUM, Level.LOW);
        assertThat(alerts.get(0).message()).contains("\"com.malware.a/.S\" (enabled)").contains("read the screen and act as the user");
        assertThat(alerts.get(1).message()).contains("well-known system or vendor package");
    }

    @Test
    void flagsInstallPackagesPerAccessOrOnceWithoutAccessesButNotOtherOps() {
        Record firefox = record(new DumpsysAppops(), Map.of("package_name", "org.mozilla.firefox",
                "permissions", List.of(perm("REQUEST_INSTALL_PACKAGES", "allow", List.of()))));
        Record fdroid = record(new DumpsysAppops(), Map.of("package_name", "org.fdroid.fdroid", "permissions", List.of(
                perm("REQUEST_INSTALL_PACKAGES", "allow", List.of(
                        Map.of("access", "Access", "type", "top-s", "timestamp", "2022-02-02 23:20:13.096"))))));
        Record other = record(new DumpsysAppops(), Map.of("package_name", "a.b", "permissions", List.of(perm("CAMERA", "allow", List.of()))));
        List<Alert> alerts = run(new AppopsInstallPackages(), firefox, fdroid, other);
        assertThat(alerts).extracting(Alert::message).satisfiesExactly(
                m -> assertThat(m).startsWith("Package 'org.mozilla.firefox' had risky permission 'REQUEST_INSTALL_PACKAGES' set to 'Unknown'"),
                m -> assertThat(m).startsWith("Package 'org.fdroid.fdroid' had risky permission 'REQUEST_INSTALL_PACKAGES' set to 'Access' at 2022-02-02"));
        assertThat(alerts.get(1).eventTime()).isEqualTo(Instant.parse("2022-02-02T23:20:13.096Z"));
    }

    @Test
    void flagsEveryOperationOfTheAdbShellButNoOtherPackage() {
        Record shell = record(new DumpsysAppops(), Map.of("package_name", "com.android.shell", "permissions", List.of(
                perm("READ_CLIPBOARD", "allow", List.of()), perm("REQUEST_INSTALL_PACKAGES", "allow", List.of()))));
        assertThat(run(new AppopsShell(), shell)).singleElement().satisfies(a ->
                assertThat(a.message()).startsWith("Risky package 'com.android.shell' had 'READ_CLIPBOARD' permission set to 'allow'"));
        assertThat(run(new AppopsShell(), record(new DumpsysAppops(), Map.of("package_name", "com.example",
                "permissions", List.of(perm("READ_CLIPBOARD", "allow", List.of())))))).isEmpty();
    }

    @Test
    void flagsUninstallsAndDowngradesButNotUpdates() {
        Record gone = record(new DumpsysBatteryDaily(), Map.of("action", "uninstall", "from", "2024-03-02", "package_name", "x.y", "vers", "0"));
        Record down = record(new DumpsysBatteryDaily(), Map.of("action", "downgrade", "from", "2024-03-02", "package_name", "x.z",
                "vers", "90", "previous_vers", "100", "time_zone", "Europe/Madrid"));
        Record update = record(new DumpsysBatteryDaily(), Map.of("action", "update", "from", "2024-03-01", "package_name", "x.z", "vers", "100"));
        assertThat(run(new BatteryUninstall(), gone, down, update)).singleElement().satisfies(a -> {
            assertThat(a.message()).startsWith("Detected uninstall of package x.y (vers 0)");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
        });
        assertThat(run(new BatteryDowngrade(), gone, down, update)).singleElement().satisfies(a -> {
            assertThat(a.message()).startsWith("Detected downgrade of package x.z from vers 100 to vers 90");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2024-03-01T23:00:00Z"));
        });
    }

    @Test
    void pointsAtANonSystemAppWithTenDangerousPermissionsGranted() {
        List<Map<String, Object>> perms = new ArrayList<>();
        DangerousPermissions.DANGEROUS.stream().sorted().limit(10)
                .forEach(p -> perms.add(Map.of("name", p, "granted", true, "type", "runtime")));
        Record stalker = record(new DumpsysPackages(), Map.of("package_name", "com.stalker", "system", false, "permissions", perms));
        Record system = record(new DumpsysPackages(), Map.of("package_name", "com.android.phone", "system", true, "permissions", perms));
        List<Map<String, Object>> nine = new ArrayList<>(perms.subList(0, 9));
        nine.add(Map.of("name", perms.get(9).get("name"), "granted", false, "type", "runtime"));
        Record fewer = record(new DumpsysPackages(), Map.of("package_name", "com.app", "system", false, "permissions", nine));
        assertThat(run(new DangerousPermissions(), stalker, system, fewer)).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.INFO);
            assertThat(a.message()).contains("\"com.stalker\" was granted 10 of the 20");
        });
    }
}
