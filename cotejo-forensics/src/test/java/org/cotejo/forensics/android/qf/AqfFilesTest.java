package org.cotejo.forensics.android.qf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AqfFilesTest {
    @TempDir Path tmp;

    static AndroidQfBuilder twoFiles() {
        return AndroidQfBuilder.collection()
                .file(FileItem.at("/data/local/tmp/implant").mode("-rwxr-x---").times(1_600_000_000L, 1_600_000_060L, 1_600_000_060L)
                        .hashes("", "", "744ed47f8176ec423840344c33e88bd2c96e8988cda0797f3415bb5229efc12b"))
                .file(FileItem.at("/sdcard/DCIM/a.jpg").times(1_600_000_000L, 1_600_000_000L, 1_600_000_000L).context(""));
    }

    @Test
    void readsAJsonArrayWithPathsHashesAndMacbTimeline() throws Exception {
        List<Record> files = AqfModulesTest.run(twoFiles().writeFolder(tmp.resolve("qf")), "AQFFiles").of("aqf_files");

        assertThat(files).hasSize(2);
        Record implant = files.get(0);
        assertThat(implant.fields().longValue("modified_time")).isEqualTo(1_600_000_060L); // kept as AndroidQF wrote it
        assertThat(AqfModulesTest.observed(implant, ObservableType.FILE_PATH)).containsExactly("/data/local/tmp/implant");
        assertThat(AqfModulesTest.observed(implant, ObservableType.SHA256)).hasSize(1);
        assertThat(implant.timeline()).extracting(TimelineEvent::time, TimelineEvent::event, TimelineEvent::deviceLocal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Instant.ofEpochSecond(1_600_000_060L), "MA--", false),
                        org.assertj.core.groups.Tuple.tuple(Instant.ofEpochSecond(1_600_000_000L), "--C-", false));
        assertThat(implant.timeline().get(0).description()).isEqualTo("/data/local/tmp/implant (u:object_r:app_data_file:s0)");
        assertThat(files.get(1).timeline()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("MAC-");
            assertThat(e.description()).isEqualTo("/sdcard/DCIM/a.jpg");
        });
    }

    @Test
    void readsNdjsonTheSameWay() throws Exception {
        List<Record> files = AqfModulesTest.run(twoFiles().filesAsNdjson().writeFolder(tmp.resolve("qf")), "AQFFiles").of("aqf_files");

        assertThat(files).extracting(r -> r.fields().string("path")).containsExactly("/data/local/tmp/implant", "/sdcard/DCIM/a.jpg");
        assertThat(files.get(1).provenance().locator()).isEqualTo("line 2");
    }

    @Test
    void aBrokenNdjsonLineIsReportedByNumberAndTheLinesAfterItAreRead() throws Exception {
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        ndjson.writeBytes("{\"path\": \"/a\", \"modified_time\": 1}\n".getBytes(StandardCharsets.UTF_8));
        ndjson.writeBytes("{\"path\": \"/b\", \"modif\n".getBytes(StandardCharsets.UTF_8));
        ndjson.writeBytes(new byte[] {'{', '"', 'p', 'a', 't', 'h', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n'}); // not UTF-8
        ndjson.writeBytes("\n{\"path\": \"/d\"}\n".getBytes(StandardCharsets.UTF_8));
        Path dir = AndroidQfBuilder.collection().raw("files.json", ndjson.toByteArray()).writeFolder(tmp.resolve("qf"));

        ModuleHarness.Result r = AqfModulesTest.run(dir, "AQFFiles");

        assertThat(r.of("aqf_files")).extracting(x -> x.fields().string("path")).containsExactly("/a", "/d");
        assertThat(r.of("aqf_files").get(1).provenance().locator()).isEqualTo("line 5, entry 1");
        assertThat(r.problems()).hasSize(2).allSatisfy(p -> assertThat(p.file()).isEqualTo("files.json"));
        assertThat(r.problems().get(0).message()).startsWith("line 2: not valid JSON");
        assertThat(r.problems().get(1).message()).startsWith("line 3: not valid JSON");
    }

    @Test
    void streamsAGeneratedListingOfManyEntries() throws Exception {
        Path zip = AndroidQfBuilder.collection().generate(40, 20_000).inFolder("androidqf").writeZip(tmp.resolve("big.zip"));

        ModuleHarness.Result r = AqfModulesTest.run(zip, "AQFFiles", "AQFPackages");

        assertThat(r.problems()).isEmpty();
        assertThat(r.of("aqf_files")).hasSize(20_000);
        assertThat(r.of("aqf_packages")).hasSize(40)
                .allSatisfy(p -> assertThat(AqfModulesTest.observed(p, ObservableType.APP_CERT_HASH)).hasSize(3));
    }

    @Test
    void logTimesFromAFolderAreTrueInstants() throws Exception {
        Instant t = Instant.parse("2024-02-01T08:30:00Z");
        Path dir = AndroidQfBuilder.collection().log("logcat.txt", "hello\n", t).writeFolder(tmp.resolve("qf"));

        Record log = AqfModulesTest.run(dir, "AQFLogTimestamps").of("aqf_log_timestamps").get(0);

        assertThat(log.fields().string("path")).isEqualTo("logs/logcat.txt");
        assertThat(log.timeline()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(t);
            assertThat(e.event()).isEqualTo("M---");
            assertThat(e.deviceLocal()).isFalse();
        });
    }

    @Test
    void aZipEntryWithOnlyADosTimeIsDeviceLocalUnlessTheDeviceZoneIsKnown() throws Exception {
        LocalDateTime wall = LocalDateTime.of(2024, 2, 1, 9, 30, 0);
        Path local = AndroidQfBuilder.collection().inFolder("qf").logAtWallClock("logcat.txt", "x", wall)
                .writeZip(tmp.resolve("local.zip"));
        Path zoned = AndroidQfBuilder.collection().inFolder("qf").prop("persist.sys.timezone", "Europe/Madrid")
                .logAtWallClock("logcat.txt", "x", wall).writeZip(tmp.resolve("zoned.zip"));

        TimelineEvent l = AqfModulesTest.run(local, "AQFLogTimestamps").of("aqf_log_timestamps").get(0).timeline().get(0);
        TimelineEvent z = AqfModulesTest.run(zoned, "AQFLogTimestamps").of("aqf_log_timestamps").get(0).timeline().get(0);

        assertThat(l.time()).isEqualTo(Instant.parse("2024-02-01T09:30:00Z"));
        assertThat(l.deviceLocal()).isTrue();
        assertThat(z.time()).isEqualTo(Instant.parse("2024-02-01T08:30:00Z")); // Madrid is UTC+1 in February
        assertThat(z.deviceLocal()).isFalse();
    }

    @Test
    void aZipEntryWithAnExtendedTimestampIsATrueInstant() throws Exception {
        Instant t = Instant.parse("2024-02-01T08:30:00Z");
        Path zip = AndroidQfBuilder.collection().inFolder("qf").log("logcat.txt", "x", t).writeZip(tmp.resolve("ext.zip"));

        TimelineEvent e = AqfModulesTest.run(zip, "AQFLogTimestamps").of("aqf_log_timestamps").get(0).timeline().get(0);

        assertThat(e.time()).isEqualTo(t);
        assertThat(e.deviceLocal()).isFalse();
    }
}
