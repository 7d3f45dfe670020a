package org.cotejo.forensics.ios.netbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatausageTest {
    static final String DB = "private/var/wireless/Library/Databases/DataUsage.sqlite";

    @TempDir Path dir;

    /** Processes 1, 2 and 4 (3 deleted), live rows for 1, 2, the deleted 3, and one pointing nowhere. */
    static void typical(Path file, boolean wifi) throws Exception {
        try (NetBaseDb db = NetBaseDb.create(file, wifi)) {
            db.process(1, 600000000.0, 600000900.0, "com.apple.mobilesafari", "MobileSafari")
                    .process(2, 600001000.0, 600001500.0, null, "bh")
                    .process(4, 600003000.0, 600003000.0, null, "rolexd")
                    .process(5, 600004000.0, 600004000.0, "com.apple.AppStore", "mDNSResponder/com.apple.AppStore")
                    .live(10, 1L, 600000900.0, 5.0, 6.0)
                    .live(11, 2L, 600001500.0, 7.0, 8.0)
                    .live(12, 3L, 600002000.0, 9.0, 10.0)
                    .live(13, null, 600002500.0, 0.0, 0.0);
        }
    }

    @Test
    void readsLiveRowsWithTheirProcessesThenProcessesWithoutLiveRows() throws Exception {
        typical(dir.resolve(DB), true);
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "Datausage");

        assertThat(result.problems()).isEmpty();
        List<Record> rows = result.of("datausage");
        assertThat(rows).extracting(r -> r.provenance().locator()).containsExactly(
                "ZLIVEUSAGE Z_PK 13 (ZHASPROCESS null)",
                "ZLIVEUSAGE Z_PK 10 (ZHASPROCESS 1)",
                "ZLIVEUSAGE Z_PK 11 (ZHASPROCESS 2)",
                "ZLIVEUSAGE Z_PK 12 (ZHASPROCESS 3)",
                "ZPROCESS Z_PK 4",
                "ZPROCESS Z_PK 5");

        Fields safari = rows.get(1).fields();
        assertThat(safari.keys()).containsExactly("first_isodate", "isodate", "proc_name", "bundle_id", "proc_id", "wifi_in",
                "wifi_out", "wwan_in", "wwan_out", "live_id", "live_proc_id", "live_isodate", "first_timestamp", "timestamp",
                "live_timestamp");
        assertThat(safari.get("first_isodate")).isEqualTo("2020-01-06 10:40:00.000000");
        assertThat(safari.get("isodate")).isEqualTo("2020-01-06 10:55:00.000000");
        assertThat(safari.get("live_isodate")).isEqualTo("2020-01-06 10:55:00.000000");
        assertThat(safari.get("wifi_in")).isEqualTo(100.0);
        assertThat(safari.get("wwan_out")).isEqualTo(6.0);
        assertThat(rows.get(1).observables()).extracting(o -> o.observable().type() + "=" + o.observable().value())
                .containsExactly("PROCESS_NAME=MobileSafari", "APP_ID=com.apple.mobilesafari");
        assertThat(rows.get(1).observables()).allSatisfy(o -> assertThat(o.trace()).isEqualTo(TraceClass.EXECUTION));
        assertThat(rows.get(1).timeline()).extracting(e -> e.event() + ": " + e.description()).containsExactly(
                "live_usage: MobileSafari (Bundle ID: com.apple.mobilesafari, ID: 1) WWAN IN: 5, WWAN OUT: 6",
                "first_usage: MobileSafari (Bundle ID: com.apple.mobilesafari, ID: 1)",
                "current_usage: MobileSafari (Bundle ID: com.apple.mobilesafari, ID: 1)");

        Fields deleted = rows.get(3).fields();
        assertThat(deleted.get("proc_id")).as("the process row was deleted").isNull();
        assertThat(deleted.get("proc_name")).isNull();
        assertThat(deleted.get("live_proc_id")).isEqualTo(3L);
        assertThat(deleted.get("live_isodate")).isEqualTo("2020-01-06 11:13:20.000000");

        Fields lonely = rows.get(4).fields();
        assertThat(lonely.get("live_id")).isNull();
        assertThat(lonely.get("live_isodate")).as("no live row: the first use").isEqualTo(lonely.get("first_isodate"));
        assertThat(rows.get(4).timeline()).extracting(e -> e.event()).containsExactly("live_usage");
        assertThat(rows.get(4).observables()).extracting(o -> o.observable().value()).containsExactly("rolexd");
        assertThat(rows.get(5).observables()).extracting(o -> o.observable().type() + "=" + o.observable().value())
                .containsExactly("PROCESS_NAME=mDNSResponder", "PROCESS_NAME=com.apple.AppStore", "APP_ID=com.apple.appstore");
    }

    @Test
    void readsTheNewerSchemaWithoutWifiCounters() throws Exception {
        typical(dir.resolve(DB), false);
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "Datausage");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("datausage")).hasSize(6).allSatisfy(r -> {
            assertThat(r.fields().has("wifi_in")).isTrue();
            assertThat(r.fields().get("wifi_in")).isNull();
            assertThat(r.fields().get("wifi_out")).isNull();
        });
        assertThat(result.of("datausage").get(1).fields().get("wwan_in")).isEqualTo(5.0);
    }

    @Test
    void keepsRawTimesWhenOneProcessTimeIsMissing() throws Exception {
        try (NetBaseDb db = NetBaseDb.create(dir.resolve(DB), true)) {
            db.process(1, null, 600000900.0, null, "half");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "Datausage");

        assertThat(result.of("datausage")).singleElement().satisfies(r -> {
            assertThat(r.fields().get("first_isodate")).isNull();
            // TIMESTAMP columns have numeric affinity: SQLite stores a whole 600000900.0 as an integer.
            assertThat(r.fields().get("isodate")).isEqualTo(600000900L);
        });
    }

    @Test
    void findsDataUsageInABackupByItsFileId() throws Exception {
        assertThat(Datausage.DATA_USAGE.fileId()).isEqualTo("0d609c54856a9bb2d56729df1d68f2958a88426b");
        typical(dir.resolve("fixture/DataUsage.sqlite"), true);
        var backup = TestBackup.at(dir.resolve("backup"))
                .file("WirelessDomain", "Library/Databases/DataUsage.sqlite", dir.resolve("fixture/DataUsage.sqlite"));
        var result = ModuleHarness.run(backup.open(), "Datausage");

        assertThat(result.of("datausage")).hasSize(6);
        assertThat(result.of("datausage").get(0).provenance().logical()).isEqualTo("WirelessDomain/Library/Databases/DataUsage.sqlite");
    }

    @Test
    void reportsADatabaseWithoutProcessTables() throws Exception {
        Files.createDirectories(dir.resolve(DB).getParent());
        try (var db = org.cotejo.forensics.testing.Sqlite.create(dir.resolve(DB))) {
            db.exec("CREATE TABLE ZSOMETHINGELSE (Z_PK INTEGER PRIMARY KEY)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "Datausage");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.describe()).contains("no ZPROCESS/ZLIVEUSAGE table"));
    }
}
