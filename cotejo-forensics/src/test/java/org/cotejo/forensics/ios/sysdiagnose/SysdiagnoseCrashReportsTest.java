package org.cotejo.forensics.ios.sysdiagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.archive.ArchiveBuilder;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysdiagnoseCrashReportsTest {
    private static final String TOP = "sysdiagnose_2023.03.15_11-05-00+0100_iPhone-OS_iPhone_20D67/";
    private static final String IMPLANT = "/private/var/db/com.apple.xpc.roleaccountd.staging/bh";

    @TempDir Path dir;

    private ModuleHarness.Result runOverSysdiagnose(ArchiveBuilder b) throws Exception {
        return ModuleHarness.run(Sysdiagnoses.open(b.tarGz(dir.resolve("sysdiagnose.tar.gz"))), "SysdiagnoseCrashReports");
    }

    @Test
    void readsAJsonCrashReportWithItsProcessPath() throws Exception {
        ModuleHarness.Result result = runOverSysdiagnose(ArchiveBuilder.archive()
                .file(TOP + "crashes_and_spins/bh-2023-03-15-102233.ips", IpsFixtures.jsonCrash("bh", IMPLANT)));
        assertThat(result.problems()).isEmpty();
        Record r = result.of("sysdiagnose_crash_reports").get(0);
        assertThat(r.fields().asMap()).containsEntry("file_path", "crashes_and_spins/bh-2023-03-15-102233.ips")
                .containsEntry("bug_type", 309L).containsEntry("name", "bh")
                .containsEntry("timestamp", "2023-03-15 09:22:33.000000")
                .containsEntry("timestamp_raw", "2023-03-15 10:22:33.00 +0100")
                .containsEntry("os_version", "iPhone OS 16.3.1 (20D67)")
                .containsEntry("incident_id", "0F3C2A1E-1111-2222-3333-444455556666")
                .containsEntry("process_path", IMPLANT);
        assertThat(r.observables()).extracting(o -> o.observable().type() + " " + o.observable().value() + " <- " + o.field())
                .containsExactlyInAnyOrder("PROCESS_NAME bh <- name", "FILE_PATH " + IMPLANT + " <- process_path",
                        "PROCESS_NAME bh <- process_path");
        assertThat(r.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2023-03-15T09:22:33Z"));
            assertThat(t.event()).isEqualTo("crash_report");
            assertThat(t.description()).contains("bug type 309").contains("bh").contains(IMPLANT);
        });
        assertThat(r.provenance().locator()).isEqualTo("header line 1");
    }

    @Test
    void readsTextReportsAndReportsWithoutProcessInSubfolders() throws Exception {
        ModuleHarness.Result result = runOverSysdiagnose(ArchiveBuilder.archive()
                .file(TOP + "crashes_and_spins/Retired/old.ips", IpsFixtures.textCrash("MobileSafari",
                        "/Applications/MobileSafari.app/MobileSafari"))
                .file(TOP + "crashes_and_spins/JetsamEvent-2023-03-15-110000.ips", IpsFixtures.jetsam())
                .file(TOP + "logs/not-a-report.txt", "ignored"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.of("sysdiagnose_crash_reports")).extracting(r -> r.fields().string("file_path"))
                .containsExactly("crashes_and_spins/JetsamEvent-2023-03-15-110000.ips", "crashes_and_spins/Retired/old.ips");
        Fields jetsam = result.records().get(0).fields();
        assertThat(jetsam.asMap()).containsEntry("bug_type", 298L).containsEntry("name", "").containsEntry("process_path", null);
        Fields text = result.records().get(1).fields();
        assertThat(text.asMap()).containsEntry("process_path", "/Applications/MobileSafari.app/MobileSafari")
                .containsEntry("timestamp", "2021-07-01 08:00:05.120000");
    }

    @Test
    void reportsDamagedReportsAndCarriesOn() throws Exception {
        ModuleHarness.Result result = runOverSysdiagnose(ArchiveBuilder.archive()
                .file(TOP + "crashes_and_spins/a-garbage.ips", "this is not json\nat all")
                .file(TOP + "crashes_and_spins/b-empty.ips", "")
                .file(TOP + "crashes_and_spins/c-cut.ips", cutBeforeProcPath(IpsFixtures.jsonCrash("bh", IMPLANT)))
                .file(TOP + "crashes_and_spins/d-good.ips", IpsFixtures.jsonCrash("Good", "/usr/libexec/good")));
        assertThat(result.problems()).extracting(p -> p.file() + ": " + p.message()).satisfiesExactly(
                p -> assertThat(p).startsWith("crashes_and_spins/a-garbage.ips").contains("not a JSON header").endsWith("skipped"),
                p -> assertThat(p).startsWith("crashes_and_spins/b-empty.ips").contains("empty").endsWith("skipped"),
                p -> assertThat(p).startsWith("crashes_and_spins/c-cut.ips").contains("body is not valid JSON (body line"));
        assertThat(result.problems()).noneMatch(p -> p.fatal());
        assertThat(result.records()).extracting(r -> r.fields().string("name")).containsExactly("bh", "Good");
        assertThat(result.records().get(0).fields().get("process_path")).as("the cut body ends before procPath").isNull();
    }

    private static String cutBeforeProcPath(String report) {
        return report.substring(0, report.indexOf("\"procPath\"") - 3);
    }

    @Test
    void readsCrashReporterFoldersOfAFilesystemDump() throws Exception {
        Path root = dir.resolve("fs");
        Path ips = root.resolve("private/var/mobile/Library/Logs/CrashReporter/Retired/bh-2023-03-15-102233.ips");
        Files.createDirectories(ips.getParent());
        Files.writeString(ips, IpsFixtures.jsonCrash("bh", IMPLANT));
        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(root), "SysdiagnoseCrashReports");
        assertThat(result.of("sysdiagnose_crash_reports")).singleElement()
                .satisfies(r -> assertThat(r.provenance().file()).isEqualTo("private/var/mobile/Library/Logs/CrashReporter/Retired/bh-2023-03-15-102233.ips"));
    }

    @Test
    void observesTheSameValuesInARecordLoadedBackFromJson() {
        Fields loaded = Fields.builder().put("file_path", "crashes_and_spins/x.ips").put("bug_type", "309").put("name", "bh")
                .put("timestamp", "2023-03-15 09:22:33.000000").put("os_version", "").put("incident_id", "")
                .put("process_path", IMPLANT).build();
        Record r = Records.of(new SysdiagnoseCrashReports(), loaded, new Provenance("x.json", "x.json", "0".repeat(64), "[0]"));
        assertThat(r.observables()).extracting(ObservedValue::field).containsExactly("name", "process_path", "process_path");
        assertThat(r.observables()).anyMatch(o -> o.observable().type() == ObservableType.FILE_PATH);
        assertThat(r.timeline()).singleElement().satisfies(t -> assertThat(t.description()).contains("bug type 309"));
    }
}
