package org.cotejo.forensics.android.intrusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntrusionLogsTest {
    static final long NOON = NetworkEventsTest.NOON;

    @TempDir Path root;

    @Test
    void readsAZipExportAndTheZipsInsideItNamingNestedFilesOuterZipThenInnerPath() throws Exception {
        byte[] older = new IntrusionLogWriter().add("day0/events.txt",
                IntrusionLogWriter.dns(NOON - 1000, "old.example.org", "com.app"),
                IntrusionLogWriter.dns(NOON, "example.org", "com.app")).zipBytes();
        Path zip = new IntrusionLogWriter().add("logs/day1.txt", IntrusionLogWriter.dns(NOON, "example.org", "com.app"),
                        IntrusionLogWriter.connect(NOON, "/198.51.100.9", 443, "com.app"))
                .zip(root.resolve("export.zip"), "archive/older.zip", older);

        ModuleHarness.Result result = ModuleHarness.run(IntrusionLogs.open(zip), "DnsEvent", "ConnectEvent");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("dns_event")).extracting(r -> r.provenance().file(), r -> r.provenance().locator(), r -> r.fields().string("hostname"))
                .containsExactly(
                        tuple("archive/older.zip::day0/events.txt", "line 1", "old.example.org"),
                        tuple("archive/older.zip::day0/events.txt", "line 2", "example.org"));
        assertThat(result.of("connect_event")).extracting(r -> r.provenance().file()).containsExactly("logs/day1.txt");
        assertThat(result.of("dns_event").get(0).provenance().sha256()).hasSize(64);
    }

    @Test
    void refusesANestedZipEntryThatWouldEscapeAndReadsTheRest() throws Exception {
        byte[] hostile = new IntrusionLogWriter().add("ok.txt", IntrusionLogWriter.dns(NOON, "example.org", "com.app"))
                .zipBytes("../escape.txt", IntrusionLogWriter.dns(NOON + 1, "escape.example", "com.app").toString().getBytes(StandardCharsets.UTF_8));
        Path zip = new IntrusionLogWriter().add("a.txt", IntrusionLogWriter.dns(NOON + 2, "a.example", "com.app"))
                .zip(root.resolve("export.zip"), "inner.zip", hostile, "broken.zip", "PK but not a zip".getBytes(StandardCharsets.UTF_8));

        ModuleHarness.Result result = ModuleHarness.run(IntrusionLogs.open(zip), "DnsEvent");

        assertThat(result.of("dns_event")).extracting(r -> r.fields().string("hostname")).containsExactly("a.example", "example.org");
        assertThat(result.problems()).extracting(ModuleProblem::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).contains("inner.zip").contains("../escape.txt").contains("'..'"),
                m -> assertThat(m).startsWith("nested zip 'broken.zip' not opened"));
    }

    @Test
    void reportsEachBrokenLineOnceWithFileAndLineAndReadsTheOthers() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((IntrusionLogWriter.dns(NOON, "first.example", "com.app") + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("not json at all\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("[1, 2]\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}', '\n'});
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes((IntrusionLogWriter.connect(NOON, "/198.51.100.9", 443, "com.app") + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"dns_event\": {\"hostname\": \"cut".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(root.resolve("export"));
        Files.write(root.resolve("export/events.txt"), bytes.toByteArray());

        ModuleHarness.Result result = ModuleHarness.run(IntrusionLogs.open(root), "DnsEvent", "ConnectEvent", "SecurityEvent");

        assertThat(result.of("dns_event")).extracting(r -> r.fields().string("hostname")).containsExactly("first.example");
        assertThat(result.of("connect_event")).hasSize(1);
        assertThat(result.problems()).extracting(ModuleProblem::file).containsOnly("export/events.txt");
        assertThat(result.problems()).extracting(ModuleProblem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("line 2 is not valid JSON (Unrecognized token 'not'").endsWith("; skipped"),
                m -> assertThat(m).isEqualTo("line 3 is not a JSON object; skipped"),
                m -> assertThat(m).isEqualTo("line 4 is not UTF-8 text; skipped"),
                m -> assertThat(m).startsWith("line 7 is not valid JSON (Unexpected end-of-input").endsWith("; skipped"));
    }

    @Test
    void skipsALineOverOneMebibyteWithoutHoldingItAndReadsTheNext() throws Exception {
        String huge = "{\"dns_event\": {\"hostname\": \"" + "a".repeat(2 << 20) + "\"}}";
        new IntrusionLogWriter().add("events.txt", huge, IntrusionLogWriter.dns(NOON, "example.org", "com.app")).folder(root);

        ModuleHarness.Result result = ModuleHarness.run(IntrusionLogs.open(root), "DnsEvent");

        assertThat(result.of("dns_event")).extracting(r -> r.fields().string("hostname")).containsExactly("example.org");
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("line 1 is over 1048576 bytes; skipped"));
    }

    @Test
    void reportsUnknownEventTypesOnceForTheWholeRun() throws Exception {
        new IntrusionLogWriter().add("events.txt", "{\"wifi_scan_event\": {\"ssid\": \"x\"}}", "{\"wifi_scan_event\": {\"ssid\": \"y\"}}",
                IntrusionLogWriter.dns(NOON, "example.org", "com.app")).folder(root);

        ModuleHarness.Result result = ModuleHarness.run(IntrusionLogs.open(root), "DnsEvent", "ConnectEvent", "SecurityEvent");

        assertThat(result.of("dns_event")).hasSize(1);
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("Found unknown intrusion logging event type(s): wifi_scan_event (2); they stay in the export but no module reads them"));
    }

    @Test
    void opensTheExportFolderOfAnotherExtractionAsANestedOneAndLeavesTheOuterTreeOpen() throws Exception {
        Path collection = new IntrusionLogWriter().add("intrusion_logs/2025-01-01.txt", IntrusionLogWriter.dns(NOON, "example.org", "com.app"))
                .add("getprop.txt", "[persist.sys.timezone]: [Europe/Madrid]").zip(root.resolve("androidqf.zip"));
        WorkArea work = WorkArea.create();
        ArchiveTree tree = ArchiveTree.open(collection, work);
        Extraction androidqf = new Extraction(EvidenceKind.ANDROIDQF, collection, tree, new FsLocator(tree), work, Map.of());
        Extraction logs = IntrusionLogs.nested(tree, "intrusion_logs", java.time.ZoneId.of("Europe/Madrid"));
        androidqf.withNested(logs, "intrusion_logs");

        logs.close();
        try (InputStream in = tree.open(tree.entry("getprop.txt").orElseThrow())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("Europe/Madrid");
        }
        Extraction again = IntrusionLogs.nested(tree, "intrusion_logs", java.time.ZoneId.of("Europe/Madrid"));
        Extraction outer = new Extraction(EvidenceKind.ANDROIDQF, collection, tree, new FsLocator(tree), WorkArea.create(), Map.of())
                .withNested(again, "intrusion_logs");
        List<Record> records = ModuleHarness.run(outer, "DnsEvent").of("dns_event");

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.provenance().file()).isEqualTo("intrusion_logs::2025-01-01.txt");
            assertThat(r.fields().string("timestamp_local")).isEqualTo("2025-01-01 13:00:00.000000");
        });
        work.close();
    }

    @Test
    void saysWhatToGiveWhenThePathIsNotAnExport() throws Exception {
        Path text = Files.writeString(root.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> IntrusionLogs.open(text)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("is not an intrusion-logging export: give the folder or the .zip");
        assertThatThrownBy(() -> IntrusionLogs.open(root.resolve("missing"))).isInstanceOf(CotejoException.class)
                .hasMessageContaining("no such file or folder");
    }
}
