package org.cotejo.forensics.ios.locationd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSDictionary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationdClientsTest {
    static final String MOBILE = "private/var/mobile/Library/Caches/locationd/clients.plist";
    static final String ROOT = "private/var/root/Library/Caches/locationd/clients.plist";
    /** 2023-03-28T10:40:00Z in Mac absolute seconds. */
    static final double MAC_TIME = 1680000000 - 978307200;
    @TempDir Path dir;

    @Test
    void readsEveryClientOfBothDumpCopiesWithTheirTimes() throws Exception {
        write(dir.resolve(MOBILE), clients());
        NSDictionary rootClients = new NSDictionary();
        rootClients.put("com.apple.locationd.bundle-/System/Library/LocationBundles/TimeZone.bundle:", client(null, null));
        write(dir.resolve(ROOT), rootClients);

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dir), "LocationdClients").of("locationd_clients");

        assertThat(records).extracting(r -> r.fields().string("package")).containsExactly(
                "com.example.tracker", "/usr/libexec/bh", "com.apple.locationd.bundle-/System/Library/LocationBundles/TimeZone.bundle");
        Record app = records.get(0);
        assertThat(app.fields().keys()).startsWith("package");
        assertThat(app.fields().string("LocationTimeStopped")).isEqualTo("2023-03-28 10:40:00.000000");
        assertThat(app.fields().string("ClientStorageToken")).isEqualTo(Base64.getEncoder().encodeToString(new byte[] {9, 8, 7}));
        assertThat(app.provenance().locator()).isEqualTo("client \"com.example.tracker:\"");
        assertThat(app.observables()).extracting(o -> o.observable().type(), o -> o.field()).containsExactlyInAnyOrder(
                tuple(ObservableType.PROCESS_NAME, "package"), tuple(ObservableType.PROCESS_NAME, "BundleId"),
                tuple(ObservableType.FILE_PATH, "BundlePath"), tuple(ObservableType.FILE_PATH, "Executable"));
        assertThat(app.timeline()).extracting(TimelineEvent::time, TimelineEvent::event, TimelineEvent::description)
                .containsExactly(tuple(Instant.ofEpochSecond(1680000000), "LocationTimeStopped", "LocationTimeStopped from com.example.tracker"));

        Record daemon = records.get(1);
        assertThat(daemon.observables()).extracting(o -> o.observable().type(), o -> o.observable().value())
                .contains(tuple(ObservableType.PROCESS_NAME, "bh"), tuple(ObservableType.FILE_PATH, "/usr/libexec/bh"));
        assertThat(records.get(2).provenance().file()).isEqualTo(ROOT);
        assertThat(records.get(2).observables()).extracting(o -> o.observable().value()).containsExactly("TimeZone.bundle");
    }

    @Test
    void readsTheBackupCopyFromTheRootDomain() throws Exception {
        var x = TestBackup.at(dir.resolve("backup"))
                .plist("RootDomain", "Library/Caches/locationd/clients.plist", clients())
                .open();

        List<Record> records = ModuleHarness.run(x, "LocationdClients").of("locationd_clients");

        assertThat(records).hasSize(2);
        assertThat(records.get(0).provenance().logical()).isEqualTo("RootDomain/Library/Caches/locationd/clients.plist");
    }

    @Test
    void reportsAClientsFileThatIsNotAPropertyList() throws Exception {
        Files.createDirectories(dir.resolve(MOBILE).getParent());
        Files.write(dir.resolve(MOBILE), new byte[] {'b', 'p', 'l', 'i', 's', 't', '0', '0', 1, 2});

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dir), "LocationdClients");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("location clients skipped"));
    }

    static NSDictionary clients() {
        NSDictionary all = new NSDictionary();
        NSDictionary tracker = client("com.example.tracker", "/private/var/containers/Bundle/Application/X/Tracker.app");
        tracker.put("LocationTimeStopped", MAC_TIME);
        tracker.put("ClientStorageToken", new byte[] {9, 8, 7});
        all.put("com.example.tracker:", tracker);
        NSDictionary daemon = new NSDictionary();
        daemon.put("Executable", "/usr/libexec/bh");
        daemon.put("Registered", "/usr/libexec/bh");
        daemon.put("Authorized", 2);
        all.put("/usr/libexec/bh:", daemon);
        all.put("Version", 3);
        return all;
    }

    private static NSDictionary client(String bundleId, String bundlePath) {
        NSDictionary c = new NSDictionary();
        if (bundleId != null) c.put("BundleId", bundleId);
        if (bundlePath != null) {
            c.put("BundlePath", bundlePath);
            c.put("Executable", bundlePath + "/Tracker");
        }
        c.put("Registered", true);
        c.put("Authorization", 4);
        return c;
    }

    private static void write(Path file, NSDictionary plist) throws Exception {
        Files.createDirectories(file.getParent());
        BinaryPropertyListWriter.write(plist, file.toFile());
    }
}
