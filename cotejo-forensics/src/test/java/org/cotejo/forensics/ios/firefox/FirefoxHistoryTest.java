package org.cotejo.forensics.ios.firefox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirefoxHistoryTest {
    @TempDir Path dir;

    @Test
    void readsVisitsInWholeSecondsAndKeepsTheExactTime() throws Exception {
        FirefoxBrowserDb.write(dir.resolve("private/var/mobile/profile.profile/browser.db"));
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "FirefoxHistory");

        assertThat(result.problems()).isEmpty();
        var visits = result.of("firefox_history");
        assertThat(visits).hasSize(2);
        Fields f = visits.get(0).fields();
        assertThat(f.keys()).containsExactly("id", "isodate", "url", "title", "i1000000s_local", "type", "is_local", "timestamp");
        assertThat(f.get("isodate")).isEqualTo("2022-03-01 12:00:00.000000");
        assertThat(f.number("timestamp").longValue()).isEqualTo(FirefoxBrowserDb.MARCH_2022);
        assertThat(f.get("i1000000s_local")).isEqualTo(1L);
        assertThat(f.get("is_local")).isEqualTo(1L);
        assertThat(visits.get(1).fields().get("is_local")).isEqualTo(0L);
        assertThat(visits.get(0).observables()).extracting(o -> o.observable().value()).containsExactly("https://evil.example.net/a");
        assertThat(visits.get(0).timeline()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2022-03-01T12:00:00Z"));
            assertThat(e.description()).isEqualTo("Firefox visit with ID 1 to URL: https://evil.example.net/a");
        });
    }

    @Test
    void findsTheDatabaseInTheAppGroupContainerAndInBackups() throws Exception {
        FirefoxBrowserDb.write(dir.resolve("fs/private/var/mobile/Containers/Shared/AppGroup/5E2A/profile.profile/browser.db"));
        assertThat(ModuleHarness.run(ModuleHarness.fsDump(dir.resolve("fs")), "FirefoxHistory").of("firefox_history")).hasSize(2);

        assertThat(FirefoxHistory.BROWSER_DB.fileId()).isEqualTo("2e57c396a35b0d1bcbc624725002d98bd61d142b");
        FirefoxBrowserDb.write(dir.resolve("fixture/browser.db"));
        var backup = TestBackup.at(dir.resolve("backup"))
                .file("AppDomainGroup-group.org.mozilla.ios.Firefox", "profile.profile/browser.db", dir.resolve("fixture/browser.db"));
        assertThat(ModuleHarness.run(backup.open(), "FirefoxHistory").of("firefox_history")).hasSize(2);
    }

    @Test
    void reportsABrowserDbWithoutVisits() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve("private/var/mobile/profile.profile/browser.db"))) {
            db.exec("CREATE TABLE history (id INTEGER PRIMARY KEY, url TEXT)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "FirefoxHistory");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.describe()).contains("no visits table; not a Firefox browser.db"));
    }

    @Test
    void convertsPrTimeToWholeSecondsAsMvtDoes() {
        assertThat(FirefoxHistory.wholeSeconds(1646136000999999L)).isEqualTo(1646136000L);
        assertThat(FirefoxHistory.wholeSeconds(1.6461360005E15)).isEqualTo(1646136000L);
        assertThat(FirefoxHistory.wholeSeconds("garbage")).isNull();
        assertThat(FirefoxHistory.wholeSeconds(null)).isNull();
    }
}
