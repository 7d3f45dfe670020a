package org.cotejo.forensics.mvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvtResultsReaderTest {
    private static final Modules MODULES = Modules.of(List.of(
            new StubModule("SMS", "sms", "isodate", "links"),
            new StubModule("SafariHistory", "safari_history", "isodate", "url"),
            new StubModule("Datausage", "datausage", "isodate"),
            new StubModule("CacheFiles", "cache_files", null, "url"),
            new StubModule("BackupInfo", "backup_info", null)));

    @TempDir Path dir;

    /** What the reader handed over, in order. */
    private static final class Seen implements RunListener {
        final List<Record> records = new ArrayList<>();
        final List<ModuleProblem> problems = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        @Override public void moduleStarted(ArtifactModule m) { calls.add("start " + m.slug()); }
        @Override public void record(Record r) { records.add(r); }
        @Override public void problem(ModuleProblem p) { problems.add(p); }
        @Override public void moduleFinished(ArtifactModule m, long n, Duration took) { calls.add("finish " + m.slug() + " " + n); }

        List<Record> of(String slug) { return records.stream().filter(r -> r.module().equals(slug)).toList(); }
    }

    private Seen read(Path folder) throws Exception {
        Seen seen = new Seen();
        try (Extraction x = MvtResults.open(folder)) {
            MvtResultsReader.read(x, MODULES, seen);
        }
        return seen;
    }

    @Test
    void loadsListResultsAsMvtWroteThemWithTheirModulesObservablesAndTimeline() throws Exception {
        MvtFolder f = new MvtFolder(dir.resolve("out")).v3Extras().write("sms.json", MvtFolder.SMS)
                .write("safari_history.json", MvtFolder.SAFARI_HISTORY).write("datausage.json", MvtFolder.DATAUSAGE);
        Seen seen = read(f.root());
        assertThat(seen.problems).isEmpty();
        assertThat(seen.calls).containsExactly("start datausage", "finish datausage 1", "start safari_history",
                "finish safari_history 1", "start sms", "finish sms 2");

        Record first = seen.of("sms").get(0);
        assertThat(first.fields().asMap()).containsEntry("ROWID", 1L).containsEntry("date", 645356431000000000L)
                .containsEntry("links", List.of("https://example.org/track?id=7"));
        assertThat(first.provenance().file()).isEqualTo("sms.json");
        assertThat(first.provenance().sha256()).isEqualTo(Hashing.sha256(Files.readAllBytes(f.root().resolve("sms.json"))));
        assertThat(first.provenance().locator()).isEqualTo("[0]");
        assertThat(first.observables()).singleElement().satisfies(o -> assertThat(o.field()).isEqualTo("links[0]"));
        assertThat(first.timeline()).singleElement().satisfies(t -> assertThat(t.time()).isEqualTo(Instant.parse("2021-06-14T09:40:31Z")));
        assertThat(seen.of("sms").get(1).fields().asMap()).containsEntry("text", "café \\xff plain").containsEntry("attributedBody", null);
        assertThat(seen.of("sms").get(1).provenance().locator()).isEqualTo("[1]");

        Record visit = seen.of("safari_history").get(0);
        assertThat(visit.fields().get("timestamp")).isEqualTo(645451410.123456);
        assertThat(visit.observables()).singleElement().satisfies(o -> assertThat(o.observable().value()).contains("bad.example.com"));
        Record usage = seen.of("datausage").get(0);
        assertThat((Double) usage.fields().get("wifi_out")).isNaN();
        assertThat(usage.fields().string("proc_name")).isEqualTo("bh");
    }

    @Test
    void keepsTheKeyOfDictOfListResultsAsAField() throws Exception {
        MvtFolder f = new MvtFolder(dir.resolve("fs-out")).write("cache_files.json", MvtFolder.CACHE_FILES);
        Seen seen = read(f.root());
        assertThat(seen.problems).isEmpty();
        String safari = "private/var/mobile/Containers/Data/Application/0A1B2C3D/Library/Caches/com.apple.mobilesafari/Cache.db";
        assertThat(seen.of("cache_files")).extracting(r -> r.provenance().locator())
                .containsExactly(safari + "[0]", safari + "[1]", "private/var/mobile/Library/Caches/com.apple.Maps/Cache.db[0]");
        assertThat(seen.of("cache_files").get(1).fields().asMap()).containsEntry("cache_file", safari)
                .containsEntry("url", "https://img.example.net/b.png");
        assertThat(seen.of("cache_files").get(1).fields().keys()).endsWith("cache_file");
    }

    @Test
    void loadsASingleDictAsOneRecordAndReadsTheDeviceFromIt() throws Exception {
        MvtFolder f = new MvtFolder(dir.resolve("out")).v3Extras().write("backup_info.json", MvtFolder.BACKUP_INFO);
        Seen seen = read(f.root());
        assertThat(seen.of("backup_info")).singleElement().satisfies(r -> {
            assertThat(r.fields().asMap()).containsEntry("IMEI", "350000000000001")
                    .containsEntry("Installed Applications", List.of("com.apple.mobilesafari", "net.whatsapp.WhatsApp"));
            assertThat(r.provenance().locator()).isEmpty();
        });
        try (Extraction x = MvtResults.open(f.root())) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.MVT_RESULTS);
            assertThat(x.identifiers()).containsExactly(
                    Map.entry("target_path", "/cases/ana/backup/00008110-000A"), Map.entry("mvt_version", "2026.7.29"),
                    Map.entry("udid", "00008030-001A2B3C4D5E6F70"), Map.entry("serial_number", "F2LXXXXXXX"),
                    Map.entry("imei", "350000000000001"), Map.entry("product_type", "iPhone12,1"),
                    Map.entry("product_version", "14.6"), Map.entry("device_name", "Ana's iPhone"));
        }
    }

    @Test
    void reportsAMalformedFileWhereItBreaksAndLoadsTheOthers() throws Exception {
        String cut = MvtFolder.SMS.substring(0, MvtFolder.SMS.indexOf("\"guid\": \"5C4F")) + "\"guid\": 5C4F }";
        MvtFolder f = new MvtFolder(dir.resolve("out")).v3Extras().write("sms.json", cut)
                .write("safari_history.json", MvtFolder.SAFARI_HISTORY);
        Seen seen = read(f.root());
        assertThat(seen.of("sms")).hasSize(1);
        assertThat(seen.of("safari_history")).hasSize(1);
        assertThat(seen.problems).singleElement().satisfies(p -> {
            assertThat(p.module()).isEqualTo("SMS");
            assertThat(p.file()).isEqualTo("sms.json");
            assertThat(p.message()).matches("sms.json is not valid JSON at line 22, column \\d+ .*; 1 records were read before it, the rest is skipped");
            assertThat(p.fatal()).isFalse();
        });
        assertThat(seen.calls).contains("finish sms 1");
    }

    @Test
    void saysWhichFilesNoModuleReadsAndIgnoresMvtsOwnFiles() throws Exception {
        MvtFolder f = new MvtFolder(dir.resolve("out")).v3Extras().write("sms.json", MvtFolder.SMS)
                .write("whatsapp.json", "[]").write("notes.txt", "analyst notes");
        Seen seen = read(f.root());
        assertThat(seen.problems).extracting(ModuleProblem::describe)
                .containsExactly("MvtResults (whatsapp.json): no module reads whatsapp.json; skipped");
        assertThat(seen.of("sms")).hasSize(2);
    }

    @Test
    void loadsALegacyFolderAndKeepsItsMatchedIndicatorInTheLocator() throws Exception {
        String legacy = MvtFolder.SAFARI_HISTORY.replace("\"safari_history_db\": \"Library/Safari/History.db\"",
                "\"safari_history_db\": \"Library/Safari/History.db\",\n        \"matched_indicator\": {\n            \"value\": "
                        + "\"bad.example.com\",\n            \"type\": \"domain\",\n            \"name\": \"Pegasus\",\n"
                        + "            \"stix2_file_name\": \"pegasus\"\n        }");
        MvtFolder f = new MvtFolder(dir.resolve("legacy")).write("safari_history.json", legacy)
                .write("safari_history_detected.json", legacy)
                .write("timeline_detected.csv", "\"UTC Timestamp\",\"Plugin\",\"Event\",\"Description\"\n")
                .write("info.json", "{\n    \"target_path\": \"/old\",\n    \"mvt_version\": \"2.5.4\"\n}");
        Seen seen = read(f.root());
        assertThat(seen.problems).isEmpty();
        Record visit = seen.of("safari_history").get(0);
        assertThat(visit.fields().has("matched_indicator")).isFalse();
        assertThat(visit.fields().string("url")).isEqualTo("http://bad.example.com/redirect");
        assertThat(visit.provenance().locator()).isEqualTo("[0] (MVT 2.x matched indicator: bad.example.com [domain] from Pegasus)");
        try (Extraction x = MvtResults.open(f.root())) {
            assertThat(x.identifiers()).containsEntry("mvt_version", "2.5.4").containsEntry("mvt_results_format", "2.x");
            assertThat(x.service(MvtResults.class).orElseThrow().legacy()).isTrue();
        }
    }

    @Test
    void reportsADamagedInfoJsonAndStillLoadsTheRecords() throws Exception {
        MvtFolder f = new MvtFolder(dir.resolve("out")).write("info.json", "{\n    \"target_path\": \"/x\",\n    \"mvt_ver")
                .write("sms.json", MvtFolder.SMS);
        Seen seen = read(f.root());
        assertThat(seen.problems).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("info.json is not valid JSON (line 3").contains("MVT version are unknown"));
        assertThat(seen.of("sms")).hasSize(2);
    }

    @Test
    void refusesAFolderWithoutResults() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> MvtResults.open(dir.resolve("empty"))).isInstanceOf(CotejoException.class)
                .hasMessageContaining("does not look like an MVT results folder");
    }
}
