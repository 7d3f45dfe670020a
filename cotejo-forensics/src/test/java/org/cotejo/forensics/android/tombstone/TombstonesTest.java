package org.cotejo.forensics.android.tombstone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TombstonesTest {
    private static final String DIR = "FS/data/tombstones/";

    @TempDir Path root;

    /** A bugreport extraction over a folder or a zip, until the bugreport opener lands. */
    static Extraction bugreport(Path path) throws Exception {
        WorkArea work = WorkArea.create();
        FileTree tree = path.toString().endsWith(".zip") ? ArchiveTree.open(path, work) : new FolderTree(path);
        return new Extraction(EvidenceKind.BUGREPORT, path, tree, new FsLocator(tree), work, Map.of());
    }

    static List<Record> run(Path path) throws Exception {
        ModuleHarness.Result result = ModuleHarness.run(bugreport(path), "Tombstones");
        assertThat(result.problems()).isEmpty();
        return result.of("tombstones");
    }

    @Test
    void readsTheCrashOfATextTombstoneWithTheNanosecondsCutToMicrosecondsAsMvtDoes() throws Exception {
        new TombstoneWriter().abort("Check failed: size <= left").writeText(root, DIR + "tombstone_00");

        Fields f = run(root).get(0).fields();

        assertThat(f.keys()).startsWith("file_name", "file_timestamp", "build_fingerprint", "revision", "arch", "timestamp");
        assertThat(f.string("file_name")).isEqualTo(DIR + "tombstone_00");
        assertThat(f.string("build_fingerprint")).isEqualTo("google/raven/raven:14/UQ1A.240205.004/11269751:user/release-keys");
        assertThat(f.string("revision")).isEqualTo("MP1.0");
        assertThat(f.string("arch")).isEqualTo("arm64");
        // .123456789 is cut, not rounded (a round would give .123457), and the +0100 offset is dropped, as MVT writes it
        assertThat(f.string("timestamp")).isEqualTo("2024-02-20 09:15:02.123456");
        assertThat(f.string("timestamp_raw")).isEqualTo("2024-02-20 09:15:02.123456789+0100");
        assertThat(f.string("timestamp_utc")).isEqualTo("2024-02-20 08:15:02.123456");
        assertThat(f.get("process_uptime")).isEqualTo(42L);
        assertThat(f.strings("command_line")).containsExactly("/system/bin/mediaserver");
        assertThat(f.get("pid")).isEqualTo(1234L);
        assertThat(f.get("tid")).isEqualTo(1240L);
        assertThat(f.string("process_name")).isEqualTo("media.codec");
        assertThat(f.string("binary_path")).isEqualTo("/system/bin/mediaserver");
        assertThat(f.get("uid")).isEqualTo(1013L);
        assertThat(f.object("signal_info").asMap()).containsExactly(Map.entry("code", 1L), Map.entry("code_name", "SEGV_MAPERR"),
                Map.entry("name", "SIGSEGV"), Map.entry("number", 11L));
        assertThat(f.string("cause")).isEqualTo("null pointer dereference");
        assertThat(f.string("abort_message")).isEqualTo("Check failed: size <= left");
    }

    @Test
    void placesTheCrashOnTheTimelineAtItsTrueUtcInstantFromTheTombstonesOwnOffset() throws Exception {
        new TombstoneWriter().timestamp("2023-08-21 23:28:59-0400").writeText(root, DIR + "tombstone_01");

        Record r = run(root).get(0);

        assertThat(r.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2023-08-22T03:28:59Z"));
            assertThat(t.deviceLocal()).isFalse();
            assertThat(t.event()).isEqualTo("crash");
            assertThat(t.description()).isEqualTo("Crash in 'media.codec' process running as UID '1013' in file '"
                    + DIR + "tombstone_01' Crash type 'SIGSEGV' with code 'SEGV_MAPERR'");
        });
    }

    @Test
    void labelsTheTimeDeviceLocalWhenTheTombstoneGivesNoOffset() throws Exception {
        new TombstoneWriter().timestamp("2019-05-01 10:00:00").writeText(root, DIR + "tombstone_02");

        Record r = run(root).get(0);

        assertThat(r.fields().string("timestamp_utc")).isNull();
        assertThat(r.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2019-05-01T10:00:00Z"));
            assertThat(t.deviceLocal()).isTrue();
        });
    }

    @Test
    void readsTheTextAndProtobufFormsOfOneCrashAsTheSameCrash() throws Exception {
        TombstoneWriter crash = new TombstoneWriter();
        crash.writeText(root, DIR + "tombstone_03");
        crash.writeProtobuf(root, DIR + "tombstone_03.pb");

        List<Record> records = run(root);

        assertThat(records).hasSize(2);
        Fields text = records.get(0).fields();
        Fields pb = records.get(1).fields();
        assertThat(pb.string("file_name")).isEqualTo(DIR + "tombstone_03.pb");
        assertThat(pb.string("selinux_label")).isEqualTo("u:r:mediaserver:s0");
        for (String key : List.of("build_fingerprint", "revision", "arch", "timestamp", "timestamp_raw", "timestamp_utc", "process_uptime",
                "command_line", "pid", "tid", "process_name", "binary_path", "uid", "signal_info", "cause", "causes", "abort_message")) {
            assertThat(pb.get(key)).as(key).isEqualTo(text.get(key));
        }
        assertThat(records.get(1).timeline()).isEqualTo(records.get(0).timeline().stream()
                .map(t -> new org.cotejo.forensics.record.TimelineEvent(t.time(), t.module(), t.event(),
                        t.description().replace("tombstone_03'", "tombstone_03.pb'"), t.deviceLocal())).toList());
    }

    @Test
    void namesTheProtobufProcessUnknownWhenTheCrashingThreadIsMissing() throws Exception {
        byte[] bytes = org.cotejo.forensics.android.tombstone.proto.TombstoneProtos.Tombstone.parseFrom(new TombstoneWriter().protobuf())
                .toBuilder().removeThreads(1240).build().toByteArray();
        TombstoneWriter.write(root, DIR + "tombstone_04.pb", bytes);

        assertThat(run(root).get(0).fields().string("process_name")).isEqualTo("Unknown");
    }

    @Test
    void observesTheProcessNameAndTheCommandAsPathAndName() throws Exception {
        new TombstoneWriter().process("/data/local/tmp/.x/payload --stage2", "payload").writeText(root, DIR + "tombstone_05");

        Record r = run(root).get(0);

        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.field()).containsExactly(
                tuple(ObservableType.PROCESS_NAME, "payload", "process_name"),
                tuple(ObservableType.FILE_PATH, "/data/local/tmp/.x/payload", "command_line[0]"),
                tuple(ObservableType.PROCESS_NAME, "payload", "command_line[0]"));
        assertThat(r.observables()).allSatisfy(o -> assertThat(o.trace()).isEqualTo(TraceClass.EXECUTION));
    }

    @Test
    void readsEveryTombstoneOfABugreportZipInPathOrderAndNothingElse() throws Exception {
        Path zip = TombstoneWriter.zip(root.resolve("bugreport.zip"),
                "FS/data/tombstones/tombstone_01", new TombstoneWriter().uid(0).text().getBytes(StandardCharsets.UTF_8),
                "FS/data/tombstones/tombstone_00", new TombstoneWriter().uid(1000).text().getBytes(StandardCharsets.UTF_8),
                "FS/data/tombstones/tombstone_00.pb", new TombstoneWriter().uid(1000).protobuf(),
                "FS/data/anr/anr_2024-02-20", "not a tombstone".getBytes(StandardCharsets.UTF_8),
                "tombstone_top", new TombstoneWriter().text().getBytes(StandardCharsets.UTF_8),
                "main_entry.txt", "dumpstate.txt".getBytes(StandardCharsets.UTF_8));

        List<Record> records = run(zip);

        assertThat(records).extracting(r -> r.fields().string("file_name"), r -> r.fields().get("uid")).containsExactly(
                tuple("FS/data/tombstones/tombstone_00", 1000L),
                tuple("FS/data/tombstones/tombstone_00.pb", 1000L),
                tuple("FS/data/tombstones/tombstone_01", 0L),
                tuple("tombstone_top", 1013L));
        assertThat(records.get(0).fields().string("file_timestamp")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
        assertThat(records.get(0).provenance().sha256()).hasSize(64);
    }

    @Test
    void reportsAFileThatIsNeitherFormByNameAndStillReadsTheOthers() throws Exception {
        TombstoneWriter.write(root, DIR + "tombstone_00.pb", "this is text, not protobuf\n".getBytes(StandardCharsets.UTF_8));
        TombstoneWriter.write(root, DIR + "tombstone_01", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n', (byte) 0x80});
        TombstoneWriter.write(root, DIR + "tombstone_02.pb", new byte[0]);
        new TombstoneWriter().writeText(root, DIR + "tombstone_03");

        ModuleHarness.Result result = ModuleHarness.run(bugreport(root), "Tombstones");

        assertThat(result.of("tombstones")).extracting(r -> r.fields().string("file_name")).containsExactly(DIR + "tombstone_03");
        assertThat(result.problems()).extracting(p -> p.file(), p -> p.fatal()).containsExactly(
                tuple(DIR + "tombstone_00.pb", false), tuple(DIR + "tombstone_01", false), tuple(DIR + "tombstone_02.pb", false));
        assertThat(result.problems().get(0).message()).startsWith("not a protobuf tombstone");
        assertThat(result.problems().get(1).message()).contains("not a text tombstone");
        assertThat(result.problems().get(2).message()).startsWith("empty file");
    }

    @Test
    void saysWhichLineHoldsAValueThatIsNotANumberAndKeepsTheRest() throws Exception {
        String text = new TombstoneWriter().text().replace("Process uptime: 42s", "Process uptime: ages");
        TombstoneWriter.write(root, DIR + "tombstone_00", text.getBytes(StandardCharsets.UTF_8));

        ModuleHarness.Result result = ModuleHarness.run(bugreport(root), "Tombstones");

        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("line 6: Process uptime 'ages' is not a number; left out"));
        Fields f = result.of("tombstones").get(0).fields();
        assertThat(f.get("process_uptime")).isNull();
        assertThat(f.get("uid")).isEqualTo(1013L);
        assertThat(f.string("process_name")).isEqualTo("media.codec");
    }

    @Test
    void namesASignalWithoutItsNameUnknown() throws Exception {
        String text = new TombstoneWriter().text().replace("signal 11 (SIGSEGV), code 1 (SEGV_MAPERR), fault addr", "signal 11, code 1, fault addr");
        TombstoneWriter.write(root, DIR + "tombstone_00", text.getBytes(StandardCharsets.UTF_8));

        Fields signal = run(root).get(0).fields().object("signal_info");

        assertThat(signal.string("name")).isEqualTo("UNKNOWN");
        assertThat(signal.string("code_name")).isEqualTo("UNKNOWN");
        assertThat(signal.get("number")).isEqualTo(11L);
    }
}
