package org.cotejo.forensics.ios.safari;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafariHistoryTest {
    @TempDir Path dir;

    @Test
    void readsVisitsWithTheirRedirects() throws Exception {
        try (SafariHistoryDb db = SafariHistoryDb.create(dir.resolve("private/var/mobile/Library/Safari/History.db"))) {
            db.item(1, "http://news.example.com/story").item(2, "https://evil.example.net/landing")
                    .visit(10, 1, 600000000.5, null, 11L)
                    .visit(11, 2, 600000000.75, 10L, null);
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "SafariHistory");

        assertThat(result.problems()).isEmpty();
        List<Record> visits = result.of("safari_history");
        assertThat(visits).hasSize(2);
        Fields first = visits.get(0).fields();
        assertThat(first.keys()).containsExactly("id", "url", "visit_id", "timestamp", "isodate", "redirect_source",
                "redirect_destination", "safari_history_db");
        assertThat(first.get("url")).isEqualTo("http://news.example.com/story");
        assertThat(first.get("timestamp")).isEqualTo(600000000.5);
        assertThat(first.get("isodate")).isEqualTo("2020-01-06 10:40:00.500000");
        assertThat(first.get("redirect_source")).isNull();
        assertThat(first.get("redirect_destination")).isEqualTo(11L);
        assertThat(first.get("safari_history_db")).isEqualTo("private/var/mobile/Library/Safari/History.db");
        assertThat(visits.get(1).fields().get("redirect_source")).isEqualTo(10L);

        Record landing = visits.get(1);
        assertThat(landing.provenance().locator()).isEqualTo("history_visits id 11");
        assertThat(landing.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.URL);
            assertThat(o.field()).isEqualTo("url");
            assertThat(o.trace()).isEqualTo(TraceClass.BROWSING);
        });
        assertThat(landing.timeline()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2020-01-06T10:40:00.750Z"));
            assertThat(e.event()).isEqualTo("safari_history");
            assertThat(e.description()).isEqualTo("Safari visit to https://evil.example.net/landing (ID: 2, Visit ID: 11)");
        });
    }

    @Test
    void readsEverySafariProfileAndEveryAppContainer() throws Exception {
        String[] paths = {
                "private/var/mobile/Library/Safari/Profiles/4F1A/History.db",
                "private/var/mobile/Containers/Data/Application/AAAA/Library/Safari/History.db",
                "private/var/mobile/Containers/Data/Application/BBBB/Library/Safari/Profiles/77/History.db"};
        for (int i = 0; i < paths.length; i++) {
            try (SafariHistoryDb db = SafariHistoryDb.create(dir.resolve(paths[i]))) {
                db.item(1, "https://site" + i + ".example.org/").visit(1, 1, 600000000 + i, null, null);
            }
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "SafariHistory");

        assertThat(result.of("safari_history")).extracting(r -> r.fields().string("safari_history_db"))
                .containsExactlyInAnyOrder(paths);
    }

    @Test
    void findsHistoryDatabasesOfAnyDomainInABackup() throws Exception {
        try (SafariHistoryDb db = SafariHistoryDb.create(dir.resolve("fixture/home/History.db"))) {
            db.item(1, "https://home.example.org/").visit(1, 1, 600000000, null, null);
        }
        try (SafariHistoryDb db = SafariHistoryDb.create(dir.resolve("fixture/profile/History.db"))) {
            db.item(1, "https://profile.example.org/").visit(1, 1, 600000001, null, null);
        }
        var backup = TestBackup.at(dir.resolve("backup"))
                .file("HomeDomain", "Library/Safari/History.db", dir.resolve("fixture/home/History.db"))
                .file("AppDomain-com.apple.mobilesafari", "Library/Safari/Profiles/9C2E/History.db", dir.resolve("fixture/profile/History.db"));
        var result = ModuleHarness.run(backup.open(), "SafariHistory");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("safari_history")).extracting(r -> r.fields().string("safari_history_db"))
                .containsExactlyInAnyOrder("Library/Safari/History.db", "Library/Safari/Profiles/9C2E/History.db");
        assertThat(result.of("safari_history")).extracting(r -> r.provenance().logical())
                .contains("HomeDomain/Library/Safari/History.db");
    }

    @Test
    void reportsAHistoryFileThatIsNotADatabaseAndCarriesOn() throws Exception {
        Path bad = dir.resolve("private/var/mobile/Library/Safari/History.db");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "not sqlite at all, just text");
        try (SafariHistoryDb db = SafariHistoryDb.create(dir.resolve("private/var/mobile/Library/Safari/Profiles/1/History.db"))) {
            db.item(1, "https://ok.example.org/").visit(1, 1, 600000000, null, null);
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "SafariHistory");

        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.describe()).contains("not a SQLite database"));
        assertThat(result.of("safari_history")).hasSize(1);
    }

    @Test
    void reportsATruncatedDatabaseWithoutStoppingTheRun() throws Exception {
        Path file = dir.resolve("private/var/mobile/Library/Safari/History.db");
        try (SafariHistoryDb db = SafariHistoryDb.create(file)) {
            db.inOneTransaction(d -> {
                for (int i = 1; i <= 3000; i++) d.item(i, "https://site" + i + ".example.org/" + "x".repeat(100)).visit(i, i, 600000000 + i, null, null);
            });
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "SafariHistory");

        // Cut in half, the schema itself no longer reads: the file is reported as damaged, the run goes on.
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.fatal()).isFalse();
            assertThat(p.describe()).contains("History.db").doesNotContain("not a Safari History.db");
        });
        assertThat(result.of("safari_history").size()).isLessThan(3000);
    }

    @Test
    void reportsADatabaseWithoutHistoryTables() throws Exception {
        try (var db = org.cotejo.forensics.testing.Sqlite.create(dir.resolve("private/var/mobile/Library/Safari/History.db"))) {
            db.exec("CREATE TABLE unrelated (x)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "SafariHistory");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.describe()).contains("no history_items/history_visits"));
    }

    @Test
    void yieldsNothingWhenThereIsNoHistory() throws Exception {
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "SafariHistory");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void understandsRecordsLoadedBackFromMvtJson() {
        Fields fromJson = Fields.of(java.util.Map.of("id", "2", "url", "evil.example.net/x", "visit_id", 11.0,
                "isodate", "2020-01-06 10:40:00.750000"));
        Record r = Records.of(new SafariHistory(), fromJson, new Provenance("safari_history.json", null, "0".repeat(64), "[1]"));

        assertThat(r.observables()).extracting(o -> o.observable().value()).containsExactly("http://evil.example.net/x");
        assertThat(r.timeline()).singleElement().satisfies(e ->
                assertThat(e.description()).isEqualTo("Safari visit to evil.example.net/x (ID: 2, Visit ID: 11)"));
    }
}
