package org.cotejo.forensics.android.dumpsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.android.bugreport.BugreportBuilder;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.junit.jupiter.api.Test;

class DumpsysPackagesTest {
    static final String PACKAGE = """
            Activity Resolver Table:
              Full MIME Types:
                  text/plain:
                    18d43d com.example.notes/.Share

              Non-Data Actions:
                  android.intent.action.MAIN:
                    b928288 com.example.notes/.Main
                    e573421 com.example.spy/com.example.spy.Launcher
                  com.example.OPEN:
                    9de5207 com.example.notes/.Open

            Receiver Resolver Table:
              Non-Data Actions:
                  android.provider.Telephony.SMS_RECEIVED:
                    417c3b3 com.example.spy/.SmsReceiver
                android.intent.action.PHONE_STATE:
                    b310d70 com.example.spy/.CallReceiver

            Packages:
              Package [com.topjohnwu.magisk] (d64f8e0):
                userId=10150
                codePath=/data/app/com.topjohnwu.magisk-1
                versionCode=26100 minSdk=23 targetSdk=34
                versionName=26.1
                timeStamp=2024-01-10 09:00:00
                lastUpdateTime=2024-01-11 10:00:00
                installerPackageName=com.google.android.packageinstaller
                signatures=PackageSignatures{6c98c74 version:2, signatures:[b378e95c], past signatures:[]}
                pkgFlags=[ HAS_CODE ALLOW_CLEAR_USER_DATA ]
                requested permissions:
                  android.permission.INTERNET
                  android.permission.READ_SMS
                install permissions:
                  android.permission.INTERNET: granted=true
                User 0: ceDataInode=1 installed=true hidden=false
                  firstInstallTime=2024-01-10 09:00:00
                  runtime permissions:
                    android.permission.READ_SMS: granted=true, flags=[ USER_SET ]
                    android.permission.CAMERA: granted=false, flags=[ ]
                User 10: ceDataInode=2 installed=true
                  firstInstallTime=2024-02-01 09:00:00
                  runtime permissions:
                    android.permission.CAMERA: granted=true, flags=[ ]
              Package [com.android.phone] (c716d35):
                userId=1001
                versionCode=34 minSdk=34 targetSdk=34
                pkgFlags=[ SYSTEM HAS_CODE PERSISTENT ]
                declared permissions:
                  com.android.phone.permission.X: prot=signature, INSTALLED

            Hidden system packages:
              Package [com.android.hidden] (1):
                userId=1
            """;

    @Test
    void readsPackagesWithPermissionsOfUserZeroAndTheirInstallTimes() throws Exception {
        var result = DumpsysRun.run(new BugreportBuilder().service("package", PACKAGE), "DumpsysPackages");
        List<Record> packages = result.of("dumpsys_packages");
        assertThat(packages).extracting(r -> r.fields().string("package_name")).containsExactly("com.topjohnwu.magisk", "com.android.phone");
        Record magisk = packages.get(0);
        assertThat(magisk.fields().string("uid")).isEqualTo("10150");
        assertThat(magisk.fields().string("version_code")).isEqualTo("26100");
        assertThat(magisk.fields().string("installer")).isEqualTo("com.google.android.packageinstaller");
        assertThat(magisk.fields().string("first_install_time")).isEqualTo("2024-01-10 09:00:00");
        assertThat(magisk.fields().truthy("system")).isFalse();
        assertThat(packages.get(1).fields().truthy("system")).isTrue();
        assertThat(magisk.fields().strings("requested_permissions")).containsExactly("android.permission.INTERNET", "android.permission.READ_SMS");
        assertThat(magisk.fields().list("permissions")).isEqualTo(List.of(
                Map.of("name", "android.permission.INTERNET", "granted", true, "type", "install"),
                Map.of("name", "android.permission.READ_SMS", "granted", true, "type", "runtime"),
                Map.of("name", "android.permission.CAMERA", "granted", false, "type", "runtime")));
        assertThat(magisk.observables()).extracting(o -> o.observable().type())
                .containsExactly(ObservableType.APP_ID, ObservableType.APP_ID, ObservableType.FILE_PATH);
        assertThat(magisk.provenance().locator()).isEqualTo("line 30");
        assertThat(magisk.timeline()).extracting(TimelineEvent::event)
                .containsExactly("package_install", "package_first_install", "package_last_update");
        assertThat(magisk.timeline()).allSatisfy(e -> assertThat(e.deviceLocal()).isTrue());
        assertThat(magisk.timeline().get(2).time()).isEqualTo(Instant.parse("2024-01-11T10:00:00Z"));
    }

    @Test
    void convertsInstallTimesToUtcWhenTheBugreportNamesTheZone() throws Exception {
        var result = DumpsysRun.run(new BugreportBuilder().property("persist.sys.timezone", "America/New_York")
                .service("package", PACKAGE), "DumpsysPackages");
        TimelineEvent e = result.of("dumpsys_packages").get(0).timeline().get(0);
        assertThat(e.time()).isEqualTo(Instant.parse("2024-01-10T14:00:00Z"));
        assertThat(e.deviceLocal()).isFalse();
    }

    @Test
    void readsTheActivitiesAndReceiversRegisteredForActions() throws Exception {
        var result = DumpsysRun.run(new BugreportBuilder().service("package", PACKAGE), "DumpsysActivities", "DumpsysReceivers");
        assertThat(result.of("dumpsys_activities")).extracting(r -> r.fields().string("intent") + " " + r.fields().string("package_name")
                + " " + r.fields().string("activity")).containsExactly(
                "android.intent.action.MAIN com.example.notes .Main",
                "android.intent.action.MAIN com.example.spy com.example.spy.Launcher",
                "com.example.OPEN com.example.notes .Open");
        // The mis-indented PHONE_STATE header still starts a new intent.
        assertThat(result.of("dumpsys_receivers")).extracting(r -> r.fields().string("intent") + " " + r.fields().string("receiver"))
                .containsExactly("android.provider.Telephony.SMS_RECEIVED .SmsReceiver", "android.intent.action.PHONE_STATE .CallReceiver");
        assertThat(result.problems()).isEmpty();
    }
}
