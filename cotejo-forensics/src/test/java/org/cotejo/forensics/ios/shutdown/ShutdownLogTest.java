package org.cotejo.forensics.ios.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShutdownLogTest {
    private static final String DIAGNOSTICS = "private/var/db/diagnostics/";
    private static final String IMPLANT = "/private/var/db/com.apple.xpc.roleaccountd.staging/rolexd";

    @TempDir Path dump;

    private void write(String path, String... lines) throws Exception {
        Path p = dump.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, String.join("\n", lines) + "\n");
    }

    /** Two reboots the way iOS logs them: clients, delay lines, then the SIGTERM line with its Unix time. */
    private static final String[] TWO_REBOOTS = {
            "remaining client pid: 101 (/usr/libexec/searchd)",
            "After 0.52s, these clients are still here:",
            "\t\tremaining client pid: 101 (/usr/libexec/searchd)",
            "\t\tremaining client pid: 4242 (" + IMPLANT + ")",
            "After 1.03s, these clients are still here:",
            "\t\tremaining client pid: 4242 (" + IMPLANT + ")",
            "SIGTERM: [1623672000] (in reboot)",
            "",
            "After 0.20s, these clients are still here:",
            "\t\tremaining client pid: 77 (/usr/sbin/bluetoothd)",
            "SIGTERM: [1623758400] (in reboot)"};

    @Test
    void readsTheClientsOfEachShutdownWithHowLongTheyDelayedIt() throws Exception {
        write(DIAGNOSTICS + "shutdown.log", TWO_REBOOTS);

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "ShutdownLog");

        assertThat(result.problems()).isEmpty();
        List<Record> records = result.of("shutdown_log");
        assertThat(records).extracting(r -> r.fields().string("isodate"), r -> r.fields().get("pid"), r -> r.fields().string("client"),
                r -> r.fields().get("delay"), r -> r.fields().get("times_delayed"), r -> r.provenance().locator()).containsExactly(
                tuple("2021-06-14 12:00:00.000000", 101L, "/usr/libexec/searchd", 0.52, 1L, "line 7 (client at line 1)"),
                tuple("2021-06-14 12:00:00.000000", 4242L, IMPLANT, 1.55, 2L, "line 7 (client at line 4)"),
                tuple("2021-06-15 12:00:00.000000", 77L, "/usr/sbin/bluetoothd", 0.2, 1L, "line 11 (client at line 10)"));
        assertThat(records.get(0).fields().keys()).containsExactly("isodate", "pid", "client", "delay", "times_delayed");
        assertThat(records.get(1).timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2021-06-14T12:00:00Z"));
            assertThat(t.event()).isEqualTo("shutdown");
            assertThat(t.description()).isEqualTo("Client " + IMPLANT + " with PID 4242 was running when the device was shut down");
        });
    }

    @Test
    void observesTheClientPathItsNameAndEveryComponentAsProcessNames() throws Exception {
        write(DIAGNOSTICS + "shutdown.log", TWO_REBOOTS);

        Record implant = ModuleHarness.run(ModuleHarness.fsDump(dump), "ShutdownLog").of("shutdown_log").get(1);

        assertThat(implant.observables()).extracting(o -> o.observable().type(), o -> o.observable().value()).containsExactly(
                tuple(ObservableType.FILE_PATH, IMPLANT),
                tuple(ObservableType.PROCESS_NAME, "rolexd"),
                tuple(ObservableType.PROCESS_NAME, "com.apple.xpc.roleaccountd.staging"),
                tuple(ObservableType.PROCESS_NAME, "db"),
                tuple(ObservableType.PROCESS_NAME, "var"),
                tuple(ObservableType.PROCESS_NAME, "private"));
        assertThat(implant.observables()).allMatch(o -> o.trace() == TraceClass.EXECUTION && o.field().equals("client"));
    }

    @Test
    void readsRotatedLogsInNameOrderAndTheOtherTimeSpellings() throws Exception {
        write(DIAGNOSTICS + "shutdown.log",
                "After 2s, these clients are still here:",
                "remaining client pid: 9 (/usr/libexec/a)",
                "SIGTERM: reboot requested @1623844800");
        write(DIAGNOSTICS + "shutdown.0.log",
                "remaining client pid: 8 (/usr/libexec/b)",
                "SIGTERM: no time here");
        write(DIAGNOSTICS + "shutdown.log.gz", "remaining client pid: 1 (/x)", "SIGTERM: [1]");

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dump), "ShutdownLog").of("shutdown_log");

        assertThat(records).extracting(r -> r.provenance().file(), r -> r.fields().string("isodate"), r -> r.fields().get("delay")).containsExactly(
                tuple(DIAGNOSTICS + "shutdown.0.log", "", 0.0),
                tuple(DIAGNOSTICS + "shutdown.log", "2021-06-16 12:00:00.000000", 2.0));
        assertThat(records.get(0).timeline()).as("no time, no timeline event").isEmpty();
    }

    @Test
    void keepsTheClientsOfALogCutShortAndSaysSo() throws Exception {
        write(DIAGNOSTICS + "shutdown.log",
                "After 0.50s, these clients are still here:",
                "remaining client pid: 4242 (" + IMPLANT + ")");

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "ShutdownLog");

        assertThat(result.of("shutdown_log")).singleElement().satisfies(r -> {
            assertThat(r.fields().string("client")).isEqualTo(IMPLANT);
            assertThat(r.fields().string("isodate")).isEmpty();
            assertThat(r.provenance().locator()).isEqualTo("line 2 (no SIGTERM line follows)");
        });
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("ends without a SIGTERM line"));
    }

    @Test
    void reportsAFileThatIsNotAShutdownLogAndADelayLineWithoutSeconds() throws Exception {
        Files.createDirectories(dump.resolve(DIAGNOSTICS));
        Files.write(dump.resolve(DIAGNOSTICS + "shutdown.1.log"), new byte[] {0, (byte) 0xff, 0x13, 0x37, '\n', 0x7f});
        write(DIAGNOSTICS + "shutdown.log", "After lots of time, these clients are still here:", "SIGTERM: [1623672000]");

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "ShutdownLog");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).extracting(p -> p.file(), p -> p.fatal()).containsExactly(
                tuple(DIAGNOSTICS + "shutdown.1.log", false), tuple(DIAGNOSTICS + "shutdown.log", false));
        assertThat(result.problems().get(0).message()).contains("not a shutdown.log");
        assertThat(result.problems().get(1).message()).contains("line 1").contains("without a number of seconds");
    }

    @Test
    void readsTheShutdownLogOfASysdiagnose() throws Exception {
        write("sysdiagnose_2023.05.02_10-11-12+0200_iPhone-OS_iPhone_20E252/system_logs.logarchive/Extra/shutdown.log", TWO_REBOOTS);
        FolderTree tree = new FolderTree(dump);
        Extraction sysdiagnose = new Extraction(EvidenceKind.SYSDIAGNOSE, dump, tree, new FsLocator(tree), WorkArea.create(), Map.of());

        List<Record> records = ModuleHarness.run(sysdiagnose, "ShutdownLog").of("shutdown_log");

        assertThat(records).hasSize(3).extracting(r -> r.provenance().file())
                .allMatch(f -> f.endsWith("system_logs.logarchive/Extra/shutdown.log"));
    }

    @Test
    void understandsRecordsLoadedBackFromMvtJson() {
        Fields fromMvt = Fields.builder().put("isodate", "2021-06-14 12:00:00.000000").put("pid", "4242")
                .put("client", IMPLANT).put("delay", "1.55").put("times_delayed", 2.0).build();

        Record r = Records.of(new ShutdownLog(), fromMvt, new Provenance("shutdown_log.json", null, "", "[1]"));

        assertThat(r.observables()).extracting(o -> o.observable().value()).contains(IMPLANT, "rolexd");
        assertThat(r.timeline()).singleElement().satisfies(t -> assertThat(t.description()).contains("PID 4242"));
    }

    @Test
    void aDumpWithoutShutdownLogGivesNothing() throws Exception {
        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "ShutdownLog");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }
}
