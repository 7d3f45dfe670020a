package org.cotejo.forensics.ios.firefox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirefoxFaviconTest {
    @TempDir Path dir;

    @Test
    void readsIconsWithThePageThatShowedThem() throws Exception {
        FirefoxBrowserDb.write(dir.resolve("private/var/mobile/profile.profile/browser.db"));
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "FirefoxFavicon");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("firefox_favicon")).singleElement().satisfies(r -> {
            assertThat(r.fields().keys()).containsExactly("id", "url", "width", "height", "type", "isodate", "history_id",
                    "history_url", "timestamp");
            assertThat(r.fields().get("isodate")).isEqualTo("2022-03-01 12:00:00.250000");
            assertThat(r.fields().get("history_url")).isEqualTo("https://evil.example.net/a");
            assertThat(r.observables()).extracting(o -> o.field() + "=" + o.observable().value())
                    .containsExactly("url=https://cdn.example.net/f.ico", "history_url=https://evil.example.net/a");
            assertThat(r.timeline()).singleElement().satisfies(e -> assertThat(e.description())
                    .isEqualTo("Firefox favicon https://cdn.example.net/f.ico when visiting https://evil.example.net/a"));
            assertThat(r.provenance().locator()).isEqualTo("favicons id 5, history id 1");
        });
    }

    @Test
    void reportsABrowserDbWithoutFavicons() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve("private/var/mobile/profile.profile/browser.db"))) {
            db.exec("CREATE TABLE history (id INTEGER PRIMARY KEY, url TEXT)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "FirefoxFavicon");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.describe()).contains("no favicons/favicon_sites table; not a Firefox browser.db"));
    }
}
