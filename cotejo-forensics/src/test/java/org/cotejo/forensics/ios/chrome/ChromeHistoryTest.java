package org.cotejo.forensics.ios.chrome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromeHistoryTest {
    static final String CONTAINER = "private/var/mobile/Containers/Data/Application/0C1D/Library/Application Support/Google/Chrome/Default/";
    /** 2021-07-18 09:02:11.123456 UTC in microseconds since 1601. */
    static final long JULY_2021 = 13271072531123456L;

    @TempDir Path dir;

    static void history(Path file) throws Exception {
        try (Sqlite db = Sqlite.create(file)) {
            db.exec("CREATE TABLE urls(id INTEGER PRIMARY KEY AUTOINCREMENT, url LONGVARCHAR, title LONGVARCHAR,"
                            + " visit_count INTEGER DEFAULT 0 NOT NULL, typed_count INTEGER DEFAULT 0 NOT NULL,"
                            + " last_visit_time INTEGER NOT NULL, hidden INTEGER DEFAULT 0 NOT NULL)",
                    "CREATE TABLE visits(id INTEGER PRIMARY KEY, url INTEGER NOT NULL, visit_time INTEGER NOT NULL,"
                            + " from_visit INTEGER, transition INTEGER DEFAULT 0 NOT NULL, segment_id INTEGER,"
                            + " visit_duration INTEGER DEFAULT 0 NOT NULL, opener_visit INTEGER)");
            db.insert("INSERT INTO urls (id, url, title, last_visit_time) VALUES (1, 'https://start.example.org/', 'Start', ?)", JULY_2021);
            db.insert("INSERT INTO urls (id, url, title, last_visit_time) VALUES (2, 'https://evil.example.net/x', 'X', ?)", JULY_2021 + 2_000_000);
            db.insert("INSERT INTO visits (id, url, visit_time, from_visit) VALUES (7, 2, ?, 6)", JULY_2021 + 2_000_000);
            db.insert("INSERT INTO visits (id, url, visit_time, from_visit) VALUES (6, 1, ?, 0)", JULY_2021);
        }
    }

    @Test
    void readsVisitsInTimeOrderWithChromeTimesAndTheirSource() throws Exception {
        history(dir.resolve(CONTAINER + "History"));
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "ChromeHistory");

        assertThat(result.problems()).isEmpty();
        var visits = result.of("chrome_history");
        assertThat(visits).extracting(r -> r.fields().get("visit_id")).containsExactly(6L, 7L);
        Fields first = visits.get(0).fields();
        assertThat(first.keys()).containsExactly("id", "url", "visit_id", "timestamp", "isodate", "redirect_source");
        assertThat(first.get("timestamp")).isEqualTo(JULY_2021);
        assertThat(first.get("isodate")).isEqualTo("2021-07-18 09:02:11.123456");
        assertThat(visits.get(1).fields().get("redirect_source")).isEqualTo(6L);
        assertThat(visits.get(1).observables()).extracting(o -> o.observable().value()).containsExactly("https://evil.example.net/x");
        assertThat(visits.get(1).timeline()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2021-07-18T09:02:13.123456Z"));
            assertThat(e.description()).isEqualTo("2 - https://evil.example.net/x (visit ID: 7, redirect source: 6)");
        });
        assertThat(visits.get(1).provenance().locator()).isEqualTo("visits id 7");
    }

    @Test
    void findsChromeHistoryInABackupByItsFileId() throws Exception {
        assertThat(ChromeHistory.HISTORY.fileId()).isEqualTo("faf971ce92c3ac508c018dce1bef2a8b8e9838f1");
        assertThat(ChromeFavicon.FAVICONS.fileId()).isEqualTo("55680ab883d0fdcffd94f959b1632e5fbbb18c5b");
        history(dir.resolve("fixture/History"));
        var backup = TestBackup.at(dir.resolve("backup"))
                .file(ChromeHistory.CHROME_DOMAIN, ChromeHistory.CHROME_FOLDER + "History", dir.resolve("fixture/History"));
        var result = ModuleHarness.run(backup.open(), "ChromeHistory");

        assertThat(result.of("chrome_history")).hasSize(2);
        assertThat(result.of("chrome_history").get(0).provenance().file()).isEqualTo("fa/faf971ce92c3ac508c018dce1bef2a8b8e9838f1");
    }

    @Test
    void reportsADatabaseWithoutVisits() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve(CONTAINER + "History"))) {
            db.exec("CREATE TABLE urls(id INTEGER PRIMARY KEY, url LONGVARCHAR)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "ChromeHistory");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.describe()).contains("no visits table; not a Chrome History database"));
    }
}
