package org.cotejo.forensics.android.dumpsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.android.bugreport.BugreportBuilder;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.junit.jupiter.api.Test;

class DumpsysModulesTest {

    @Test
    void readsInstalledAccessibilityServicesOldAndEnabledOnesFromAndroid14() throws Exception {
        var old = DumpsysRun.run(new BugreportBuilder().service("accessibility", """
                  installed services: {
                    0 : com.android.settings/com.android.settings.Gpu
                    1 : com.example.spy/.Reader
                  }
                  enabled services: {
                  }
                """), "DumpsysAccessibility").of("dumpsys_accessibility");
        assertThat(old).extracting(r -> r.fields().string("package_name") + " " + r.fields().string("service") + " " + r.fields().string("list"))
                .containsExactly("com.android.settings com.android.settings/com.android.settings.Gpu installed",
                        "com.example.spy com.example.spy/.Reader installed");
        var v14 = DumpsysRun.run(new BugreportBuilder().service("accessibility",
                "     Enabled services:{{com.malware.a/com.malware.S}, {com.example.b/.T}}\n"), "DumpsysAccessibility").of("dumpsys_accessibility");
        assertThat(v14).extracting(r -> r.fields().string("service") + " " + r.fields().string("list"))
                .containsExactly("com.malware.a/com.malware.S enabled", "com.example.b/.T enabled");
    }

    @Test
    void readsAppopsPerPackageWithTheirAccessTimes() throws Exception {
        var result = DumpsysRun.run(new BugreportBuilder().service("appops", """
                Current AppOps Service state:
                  Settings:
                    top_state_settle_time=+30s0ms

                  Uid 2000:
                    state=cch
                      LEGACY_STORAGE: mode=allow
                    Package com.android.shell:
                      READ_CLIPBOARD (allow):
                          Access: [top-s] 2024-03-01 10:00:00.123 (-1d)
                      REQUEST_INSTALL_PACKAGES (deny / switch X=allow):
                          Reject: [bg-s]not a time
                  Uid u0a1:
                    Package org.example.store:
                      REQUEST_INSTALL_PACKAGES (allow):

                  Uid u0a2:
                    Package never.read:
                """), "DumpsysAppops");
        List<Record> pkgs = result.of("dumpsys_appops");
        assertThat(pkgs).extracting(r -> r.fields().string("package_name") + " uid " + r.fields().string("uid"))
                .containsExactly("com.android.shell uid 2000", "org.example.store uid u0a1");
        Record shell = pkgs.get(0);
        assertThat(shell.fields().list("permissions")).hasSize(2);
        assertThat(shell.fields().list("permissions").get(1).toString())
                .isEqualTo("{name=REQUEST_INSTALL_PACKAGES, entries=[{access=Reject, type=bg-s}], access=deny}");
        assertThat(shell.timeline()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123Z"));
            assertThat(e.description()).isEqualTo("com.android.shell access to READ_CLIPBOARD: Access");
        });
    }

    @Test
    void readsDailyPackageChangesSortedWithUninstallsAndDowngradesNamed() throws Exception {
        var result = DumpsysRun.run(new BugreportBuilder().service("batterystats", """
                Daily stats:
                  Daily from 2024-03-02-01-00-00 to 2024-03-03-01-00-00:
                    Package changes:
                      Update com.example.app vers=90
                      Update com.example.gone vers=0
                  Daily from 2024-03-01-01-00-00 to 2024-03-02-01-00-00:
                    Package changes:
                      Update com.example.app vers=100
                      Update com.example.app vers=100
                      Update com.example.gone vers=5
                """), "DumpsysBatteryDaily");
        assertThat(result.of("dumpsys_battery_daily")).extracting(r -> r.fields().string("from") + " " + r.fields().string("action")
                + " " + r.fields().string("package_name") + " " + r.fields().string("vers") + " " + r.fields().text("previous_vers"))
                .containsExactly("2024-03-01 update com.example.app 100 ", "2024-03-01 update com.example.gone 5 ",
                        "2024-03-02 downgrade com.example.app 90 100", "2024-03-02 uninstall com.example.gone 0 ");
        TimelineEvent e = result.of("dumpsys_battery_daily").get(2).timeline().get(0);
        assertThat(e.description()).isEqualTo("Recorded downgrade of package com.example.app from vers 100 to vers 90");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
    }

    @Test
    void readsJobsForegroundAppsAndAlarmsFromTheBatteryHistoryUntilItsBlankLine() throws Exception {
        var result = DumpsysRun.run(new BugreportBuilder().service("batterystats", """
                Battery History (0% used, 2720 used of 4096KB):
                                    0 (2) 100 status=discharging top=u0a44:"com.launcher"
                            +47s645ms (2) 100 +job=u0a94:"com.example.app/.SyncJob"
                   03-01 10:00:00.000 (2) 100 -job=u0a94:"com.example.app/.SyncJob"
                       +1h26m18s315ms (2) 095 +running +wake_lock=u0a12:"*walarm*:com.example.spy/.Alarm"
                       +1h28m35s053ms (2) 095 +top=u0a280:"com.whatsapp"

                       +2h (2) 095 +top=u0a1:"after.the.blank"
                """), "DumpsysBatteryHistory");
        assertThat(result.of("dumpsys_battery_history")).extracting(r -> r.fields().string("time_elapsed") + " " + r.fields().string("event")
                + " " + r.fields().string("uid") + " " + r.fields().string("package_name") + " " + r.fields().string("service"))
                .containsExactly("+47s645ms start_job u0a94 com.example.app .SyncJob", "03-01 10:00:00.000 end_job u0a94 com.example.app .SyncJob",
                        "+1h26m18s315ms wake u0a12 com.example.spy .Alarm", "+1h28m35s053ms start_top u0a280 com.whatsapp ");
    }

    @Test
    void readsRecentDatabaseOperationsWithTheirPathsAndProcesses() throws Exception {
        var result = DumpsysRun.run(new BugreportBuilder().service("dbinfo", """
                ** Database info for pid 8817 [com.example.app] **
                Connection pool for /data/user/0/com.example.app/databases/app.db:
                  Available primary connection:
                    Connection #0:
                      Most recently executed operations:
                        0: [2023-07-27 12:21:44.097] [Pid:(8817)]executeForCursorWindow took 2ms - succeeded, sql="SELECT "x" FROM t", path=/data/user/0/com.example.app/databases/app.db
                        1: [07-26 19:27:41.386] prepare took 0ms - succeeded, sql="PRAGMA page_size;"
                """), "DumpsysDBInfo");
        List<Record> ops = result.of("dbinfo");
        assertThat(ops).extracting(r -> r.fields().string("isodate") + "|" + r.fields().string("action") + "|" + r.fields().string("sql")
                + "|" + r.fields().string("pid")).containsExactly("2023-07-27 12:21:44.097|executeForCursorWindow|SELECT \"x\" FROM t|8817",
                "07-26 19:27:41.386|prepare|PRAGMA page_size;|null");
        assertThat(ops.get(0).observables()).extracting(o -> o.observable().type() + " " + o.observable().value())
                .contains("FILE_PATH /data/user/0/com.example.app/databases/app.db", "APP_ID com.example.app");
        assertThat(ops.get(0).timeline()).hasSize(1);
        assertThat(ops.get(1).timeline()).as("no year: no timeline").isEmpty();
    }

    @Test
    void readsPropertiesAndPlatformCompatOverrides() throws Exception {
        var result = DumpsysRun.run(new BugreportBuilder().property("sys.foobar", "1").property("ro.empty", "")
                .service("platform_compat", "ChangeId(1; name=OTHER; rawOverrides={not.this=false};)\n"
                        + "ChangeId(168419799; name=DOWNSCALED; disabled; rawOverrides={org.torproject.torbrowser=false, org.a.b=true}; overridable)\n"),
                "DumpsysGetProp", "DumpsysPlatformCompat");
        assertThat(result.of("dumpsys_get_prop")).singleElement().satisfies(r -> {
            assertThat(r.fields().string("name")).isEqualTo("sys.foobar");
            assertThat(r.observables()).singleElement().satisfies(o -> assertThat(o.observable().type()).isEqualTo(ObservableType.ANDROID_PROPERTY));
        });
        assertThat(result.of("dumpsys_platform_compat")).extracting(r -> r.fields().string("package_name"))
                .containsExactly("org.torproject.torbrowser", "org.a.b");
    }
}
