package org.cotejo.forensics.ios.chrome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromeFaviconTest {
    @TempDir Path dir;

    @Test
    void readsIconsInTimeOrderUsingLastRequestedWhenNeverUpdated() throws Exception {
        long t = ChromeHistoryTest.JULY_2021;
        try (Sqlite db = Sqlite.create(dir.resolve(ChromeHistoryTest.CONTAINER + "Favicons"))) {
            db.exec("CREATE TABLE icon_mapping(id INTEGER PRIMARY KEY, page_url LONGVARCHAR NOT NULL, icon_id INTEGER)",
                    "CREATE TABLE favicons(id INTEGER PRIMARY KEY, url LONGVARCHAR NOT NULL, icon_type INTEGER DEFAULT 1)",
                    "CREATE TABLE favicon_bitmaps(id INTEGER PRIMARY KEY, icon_id INTEGER NOT NULL, last_updated INTEGER DEFAULT 0,"
                            + " image_data BLOB, width INTEGER DEFAULT 0, height INTEGER DEFAULT 0, last_requested INTEGER DEFAULT 0)");
            db.insert("INSERT INTO favicons VALUES (1, 'https://late.example.org/favicon.ico', 1)");
            db.insert("INSERT INTO favicons VALUES (2, 'https://cdn.example.net/icon.png', 1)");
            db.insert("INSERT INTO icon_mapping VALUES (1, 'https://late.example.org/', 1)");
            db.insert("INSERT INTO icon_mapping VALUES (2, 'https://evil.example.net/page', 2)");
            db.insert("INSERT INTO favicon_bitmaps (id, icon_id, last_updated, last_requested) VALUES (1, 1, ?, 0)", t + 60_000_000);
            db.insert("INSERT INTO favicon_bitmaps (id, icon_id, last_updated, last_requested) VALUES (2, 2, 0, ?)", t);
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "ChromeFavicon");

        assertThat(result.problems()).isEmpty();
        var icons = result.of("chrome_favicon");
        assertThat(icons).extracting(r -> r.fields().get("url")).containsExactly("https://evil.example.net/page", "https://late.example.org/");
        assertThat(icons.get(0).fields().keys()).containsExactly("url", "icon_url", "timestamp", "isodate");
        assertThat(icons.get(0).fields().get("isodate")).isEqualTo("2021-07-18 09:02:11.123456");
        assertThat(icons.get(1).fields().get("isodate")).isEqualTo("2021-07-18 09:03:11.123456");
        assertThat(icons.get(0).observables()).extracting(o -> o.field() + "=" + o.observable().value())
                .containsExactly("url=https://evil.example.net/page", "icon_url=https://cdn.example.net/icon.png");
        assertThat(icons.get(0).timeline()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("new_favicon");
            assertThat(e.description()).isEqualTo("https://cdn.example.net/icon.png from https://evil.example.net/page");
        });
    }

    @Test
    void reportsAnEmptyFaviconsFile() throws Exception {
        Path f = dir.resolve(ChromeHistoryTest.CONTAINER + "Favicons");
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[0]);
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "ChromeFavicon");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.describe()).contains("empty file"));
    }
}
