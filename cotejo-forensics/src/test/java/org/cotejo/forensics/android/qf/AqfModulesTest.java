package org.cotejo.forensics.android.qf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AqfModulesTest {
    static final String SHA256 = "744ed47f8176ec423840344c33e88bd2c96e8988cda0797f3415bb5229efc12b";
    static final String CERT_SHA256 = "3987d043d10aefaf5a8710b3671418fe57e0e19b653c9df82558feb5ffce5d44";
    @TempDir Path tmp;

    static ModuleHarness.Result run(Path collection, String... modules) throws Exception {
        return ModuleHarness.run(AndroidQfs.open(collection), modules);
    }

    static List<String> observed(Record r, ObservableType type) {
        return r.observables().stream().filter(o -> o.observable().type() == type).map(o -> o.observable().value()).toList();
    }

    @Test
    void theEightModulesRunInMvtOrderWithMvtSlugs() {
        List<ArtifactModule> qf = Modules.installed().all().stream().filter(m -> m.kinds().contains(EvidenceKind.ANDROIDQF)).toList();
        assertThat(qf).extracting(ArtifactModule::slug).containsExactly("aqf_packages", "aqf_processes", "aqf_get_prop",
                "aqf_settings", "aqf_files", "aqf_log_timestamps", "root_binaries", "mounts");
    }

    @Test
    void readsEachPackageWithItsApkAndCertificateHashesAsObservables() throws Exception {
        Path dir = AndroidQfBuilder.collection()
                .pkg(Pkg.named("com.example.spy").installer("null").apk("/data/app/spy/base.apk",
                        "5870bd06e642de410c54705226ecfa9a", "6cb06e9ab5619345f930c2b2096b4dd013a10ec9", SHA256)
                        .certificate("556c6019249bbc0cab70495178d3a9d1", "38a0f7d505fe18fec64fbf343ecaaaf310dbd799", CERT_SHA256))
                .pkg(Pkg.named("com.android.settings").system().apk("/system/app/Settings.apk", "", "", ""))
                .writeFolder(tmp.resolve("qf"));

        ModuleHarness.Result r = run(dir, "AQFPackages");

        assertThat(r.problems()).isEmpty();
        List<Record> pkgs = r.of("aqf_packages");
        assertThat(pkgs).hasSize(2);
        Record spy = pkgs.get(0);
        assertThat(spy.fields().string("installer")).isEqualTo("null");
        assertThat(spy.fields().truthy("system")).isFalse();
        assertThat(observed(spy, ObservableType.APP_ID)).containsExactly("com.example.spy");
        assertThat(observed(spy, ObservableType.SHA256)).containsExactly(SHA256);
        assertThat(observed(spy, ObservableType.MD5)).hasSize(1);
        assertThat(observed(spy, ObservableType.APP_CERT_HASH)).hasSize(3).contains(CERT_SHA256);
        assertThat(spy.observables()).extracting(ObservedValue::trace).containsOnly(TraceClass.CONFIGURATION);
        assertThat(spy.provenance().file()).isEqualTo("packages.json");
        assertThat(spy.provenance().locator()).startsWith("packages[0]");
        assertThat(observed(pkgs.get(1), ObservableType.APP_CERT_HASH)).isEmpty();
    }

    @Test
    void aTruncatedPackagesJsonKeepsThePackagesBeforeTheCutAndSaysWhere() throws Exception {
        Path dir = AndroidQfBuilder.collection()
                .raw("packages.json", "[\n{\"name\": \"com.a\", \"files\": []},\n{\"name\": \"com.b\", \"fil")
                .writeFolder(tmp.resolve("qf"));

        ModuleHarness.Result r = run(dir, "AQFPackages");

        assertThat(r.of("aqf_packages")).extracting(x -> x.fields().string("name")).containsExactly("com.a");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("packages.json");
            assertThat(p.message()).contains("line 3").contains("1 entries read");
        });
    }

    @Test
    void readsProcessesWithAndWithoutWchanOrSelinuxLabel() throws Exception {
        Path dir = AndroidQfBuilder.collection()
                .process("root", 1, 0, "init")
                .psLine("root             2     0       0      0 0                   0 S [kthreadd]")
                .psLine("u:r:untrusted_app:s0:c512,c768 u0_a271 4321 700 1234 567 SyS_epoll_wait 0 S com.example.spy")
                .psLine("system 900 1 100 20 0 0 S /system/bin/surfaceflinger")
                .psLine("garbage line")
                .writeFolder(tmp.resolve("qf"));

        ModuleHarness.Result r = run(dir, "AQFProcesses");

        List<Fields> ps = r.of("aqf_processes").stream().map(Record::fields).toList();
        assertThat(ps).extracting(f -> f.string("proc_name"))
                .containsExactly("init", "kthreadd", "com.example.spy", "/system/bin/surfaceflinger");
        assertThat(ps.get(2).string("label")).isEqualTo("u:r:untrusted_app:s0:c512,c768");
        assertThat(ps.get(2).longValue("pid")).isEqualTo(4321L);
        assertThat(ps.get(2).string("wchan")).isEqualTo("SyS_epoll_wait");
        assertThat(ps.get(1).string("wchan")).isEqualTo("0");
        Record spy = r.of("aqf_processes").get(2);
        assertThat(observed(spy, ObservableType.APP_ID)).containsExactly("com.example.spy");
        Record byPath = r.of("aqf_processes").get(3);
        assertThat(observed(byPath, ObservableType.PROCESS_NAME)).containsExactly("surfaceflinger");
        assertThat(observed(byPath, ObservableType.FILE_PATH)).containsExactly("/system/bin/surfaceflinger");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("line 6:"));
    }

    @Test
    void readsPropertiesAsAndroidPropertyObservables() throws Exception {
        Path dir = AndroidQfBuilder.collection().prop("sys.foobar", "1").prop("ro.product.model", "Pixel 7")
                .raw("getprop.txt", "[sys.foobar]: [1]\n[empty.value]: []\nnot a property\n[ro.product.model]: [Pixel 7]\n")
                .writeFolder(tmp.resolve("qf"));

        List<Record> props = run(dir, "AQFGetProp").of("aqf_get_prop");

        assertThat(props).extracting(p -> p.fields().string("name")).containsExactly("sys.foobar", "ro.product.model");
        assertThat(props.get(0).provenance().locator()).isEqualTo("line 1");
        assertThat(observed(props.get(0), ObservableType.ANDROID_PROPERTY)).containsExactly("sys.foobar");
    }

    @Test
    void readsSettingsPerNamespaceSplittingOnTheFirstEquals() throws Exception {
        Path dir = AndroidQfBuilder.collection().setting("secure", "package_verifier_enable", "0")
                .setting("global", "odd", "a=b").raw("settings_system.txt", "no equals here\nscreen_brightness=102\n")
                .writeFolder(tmp.resolve("qf"));

        List<Fields> s = run(dir, "AQFSettings").of("aqf_settings").stream().map(Record::fields).toList();

        assertThat(s).extracting(f -> f.string("namespace") + ":" + f.string("key") + "=" + f.string("value"))
                .containsExactly("global:odd=a=b", "secure:package_verifier_enable=0", "system:screen_brightness=102");
    }

    @Test
    void namesEachRootBinaryAndSaysWhatItIs() throws Exception {
        Path dir = AndroidQfBuilder.collection().rootBinary("/system/bin/su").rootBinary(" /sbin/Magisk ")
                .rootBinary("/system/xbin/daemonsu").writeFolder(tmp.resolve("qf"));

        List<Fields> rb = run(dir, "RootBinaries").of("root_binaries").stream().map(Record::fields).toList();

        assertThat(rb).extracting(f -> f.string("path") + "|" + f.string("binary_name") + "|" + f.string("description"))
                .containsExactly("/system/bin/su|su|SuperUser binary", "/sbin/Magisk|magisk|Magisk root framework",
                        "/system/xbin/daemonsu|daemonsu|Unknown root binary");
    }

    @Test
    void readsMountLinesAndMarksReadWriteSystemPartitions() throws Exception {
        Path dir = AndroidQfBuilder.collection()
                .mount("/dev/block/dm-0 on / type ext4 (ro,seclabel,relatime)\n/dev/block/dm-1 on /system type ext4 (rw,seclabel)")
                .mount("/dev/block/dm-2 on /vendor type ext4 (ro,noatime)")
                .mount("tmpfs /dev tmpfs rw 0 0")
                .writeFolder(tmp.resolve("qf"));

        List<Fields> m = run(dir, "Mounts").of("mounts").stream().map(Record::fields).toList();

        assertThat(m).extracting(f -> f.string("mount_point")).containsExactly("/", "/system", "/vendor");
        assertThat(m.get(1).truthy("is_system_partition")).isTrue();
        assertThat(m.get(1).truthy("is_read_write")).isTrue();
        assertThat(m.get(1).strings("options_list")).containsExactly("rw", "seclabel");
        assertThat(m.get(0).truthy("is_system_partition")).isFalse();
        assertThat(m.get(2).truthy("is_read_write")).isFalse();
    }
}
