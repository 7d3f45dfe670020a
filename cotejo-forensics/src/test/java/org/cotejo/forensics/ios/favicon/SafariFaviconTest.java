package org.cotejo.forensics.ios.favicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafariFaviconTest {
    private static final String MAIN = "private/var/mobile/Library/Image Cache/Favicons/Favicons.db";
    private static final String IN_APP = "private/var/mobile/Containers/Data/Application/0F0E0D0C-1111-4222-8333-444455556666/Library/Image Cache/Favicons/Favicons.db";

    @TempDir Path dump;

    /** Safari's favicon store; {@code rejected} false for stores without the rejected_resources table. */
    private Sqlite favicons(String path, boolean rejected) throws Exception {
        Sqlite db = Sqlite.create(dump.resolve(path));
        db.exec("CREATE TABLE icon_info (uuid TEXT NOT NULL, url TEXT NOT NULL, timestamp REAL NOT NULL, width REAL NOT NULL, "
                        + "height REAL NOT NULL, has_generated_representations INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(uuid))",
                "CREATE TABLE page_url (uuid TEXT NOT NULL, url TEXT NOT NULL, PRIMARY KEY(url))");
        if (rejected) db.exec("CREATE TABLE rejected_resources (page_url TEXT NOT NULL, icon_url TEXT NOT NULL, timestamp REAL NOT NULL, "
                + "PRIMARY KEY(page_url, icon_url))");
        return db;
    }

    @Test
    void readsFetchedAndRejectedIconsInTimeOrder() throws Exception {
        try (Sqlite db = favicons(MAIN, true)) {
            db.insert("INSERT INTO icon_info(uuid, url, timestamp, width, height) VALUES (?, ?, ?, 32, 32)",
                    "A1", "https://news.example.com/favicon.ico", 650000200.25);
            db.insert("INSERT INTO page_url(uuid, url) VALUES (?, ?)", "A1", "https://news.example.com/story/1");
            db.insert("INSERT INTO rejected_resources VALUES (?, ?, ?)",
                    "https://landing.evil-example.net/x", "https://landing.evil-example.net/apple-touch-icon.png", 650000100.0);
        }

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dump), "SafariFavicon").of("safari_favicon");

        assertThat(records).extracting(r -> r.fields().string("type"), r -> r.fields().string("url"), r -> r.provenance().locator())
                .containsExactly(
                        tuple("rejected", "https://landing.evil-example.net/x", "rejected_resources ROWID 1"),
                        tuple("valid", "https://news.example.com/story/1", "page_url ROWID 1"));
        Record valid = records.get(1);
        assertThat(valid.fields().keys()).containsExactly("url", "icon_url", "timestamp", "isodate", "type", "safari_favicon_db_path");
        assertThat(valid.fields().string("icon_url")).isEqualTo("https://news.example.com/favicon.ico");
        assertThat(valid.fields().string("isodate")).isEqualTo("2021-08-07 03:36:40.250000");
        assertThat(valid.fields().string("safari_favicon_db_path")).isEqualTo(MAIN);
        assertThat(valid.observables()).extracting(o -> o.observable().type(), o -> o.field(), o -> o.trace()).containsExactly(
                tuple(ObservableType.URL, "url", TraceClass.BROWSING), tuple(ObservableType.URL, "icon_url", TraceClass.BROWSING));
        assertThat(records.get(0).timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2021-08-07T03:35:00Z"));
            assertThat(t.event()).isEqualTo("safari_favicon");
            assertThat(t.description()).isEqualTo("Safari favicon from https://landing.evil-example.net/x with icon URL "
                    + "https://landing.evil-example.net/apple-touch-icon.png (rejected)");
        });
    }

    @Test
    void readsTheStoresOfAppContainersAndStoresWithoutRejectedIcons() throws Exception {
        try (Sqlite db = favicons(IN_APP, false)) {
            db.insert("INSERT INTO icon_info(uuid, url, timestamp, width, height) VALUES (?, ?, ?, 16, 16)", "B2", "https://example.org/i.png", 1.0e8);
            db.insert("INSERT INTO page_url(uuid, url) VALUES (?, ?)", "B2", "https://example.org/");
        }

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "SafariFavicon");

        assertThat(result.of("safari_favicon")).singleElement().satisfies(r -> {
            assertThat(r.fields().string("safari_favicon_db_path")).isEqualTo(IN_APP);
            assertThat(r.fields().string("type")).isEqualTo("valid");
        });
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void reportsADatabaseThatIsNotAFaviconStore() throws Exception {
        try (Sqlite db = Sqlite.create(dump.resolve(MAIN))) {
            db.exec("CREATE TABLE something_else (a)");
        }

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "SafariFavicon");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(MAIN);
            assertThat(p.message()).contains("not a Safari Favicons.db");
        });
    }
}
