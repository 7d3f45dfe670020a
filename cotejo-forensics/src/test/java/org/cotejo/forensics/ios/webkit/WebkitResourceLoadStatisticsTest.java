package org.cotejo.forensics.ios.webkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebkitResourceLoadStatisticsTest {
    private static final String APP_DB = "private/var/mobile/Containers/Data/Application/7A1B/Library/WebKit/WebsiteData/ResourceLoadStatistics/observations.db";
    private static final String VIEW_SERVICE_DB = "private/var/mobile/Containers/Data/Application/7A1B/SystemData/com.apple.SafariViewService/Library/WebKit/WebsiteData/observations.db";
    private static final String OLD_COLUMNS = "domainID INTEGER PRIMARY KEY, registrableDomain TEXT NOT NULL UNIQUE ON CONFLICT FAIL,"
            + " lastSeen REAL NOT NULL, hadUserInteraction INTEGER NOT NULL, grandfathered INTEGER NOT NULL,"
            + " isPrevalent INTEGER NOT NULL, isVeryPrevalent INTEGER NOT NULL, dataRecordsRemoved INTEGER NOT NULL";

    @TempDir Path dir;

    private static void newSchema(Path file) throws Exception {
        try (Sqlite db = Sqlite.create(file)) {
            db.exec("CREATE TABLE ObservedDomains (" + OLD_COLUMNS + ", mostRecentUserInteractionTime REAL NOT NULL,"
                    + " timesAccessedAsFirstPartyDueToUserInteraction INTEGER NOT NULL DEFAULT 0,"
                    + " mostRecentWebPushInteractionTime REAL NOT NULL)");
            db.insert("INSERT INTO ObservedDomains VALUES (2, 'evil.example.net', 1650000000, 0, 0, 1, 0, 0, -1, 0, 0)");
            db.insert("INSERT INTO ObservedDomains VALUES (1, 'example.org', 1650000100.5, 1, 0, 0, 0, 0, 1650000050, 3, 0)");
        }
    }

    @Test
    void readsObservedDomainsWithTheirInteractionTimes() throws Exception {
        newSchema(dir.resolve(APP_DB));
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "WebkitResourceLoadStatistics");

        assertThat(result.problems()).isEmpty();
        var rows = result.of("webkit_resource_load_statistics");
        assertThat(rows).extracting(r -> r.fields().get("domain_id")).containsExactly(1L, 2L);
        Fields first = rows.get(0).fields();
        assertThat(first.keys()).containsExactly("domain_id", "registrable_domain", "last_seen", "had_user_interaction",
                "last_seen_isodate", "domain", "path", "most_recent_user_interaction_time",
                "most_recent_user_interaction_time_isodate", "most_recent_web_push_interaction_time",
                "most_recent_web_push_interaction_time_isodate");
        assertThat(first.get("had_user_interaction")).isEqualTo(true);
        assertThat(first.get("last_seen_isodate")).isEqualTo("2022-04-15 05:21:40.500000");
        assertThat(first.get("most_recent_user_interaction_time_isodate")).isEqualTo("2022-04-15 05:20:50.000000");
        assertThat(first.get("domain")).isEqualTo("");
        assertThat(first.get("path")).isEqualTo(APP_DB);
        Fields second = rows.get(1).fields();
        assertThat(second.get("had_user_interaction")).isEqualTo(false);
        assertThat(second.has("most_recent_user_interaction_time_isodate")).as("negative time: no date").isFalse();
        assertThat(rows.get(1).observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.DOMAIN);
            assertThat(o.observable().value()).isEqualTo("evil.example.net");
        });
        assertThat(rows.get(1).timeline()).singleElement().satisfies(e ->
                assertThat(e.description()).isEqualTo("Webkit resource loaded from evil.example.net"));
        assertThat(rows.get(1).provenance().locator()).isEqualTo("ObservedDomains domainID 2");
    }

    @Test
    void readsOlderDatabasesWithoutTheInteractionColumns() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve(VIEW_SERVICE_DB))) {
            db.exec("CREATE TABLE ObservedDomains (" + OLD_COLUMNS + ")");
            db.insert("INSERT INTO ObservedDomains VALUES (1, 'old.example.org', 1500000000, 0, 0, 0, 0, 0)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "WebkitResourceLoadStatistics");

        assertThat(result.of("webkit_resource_load_statistics")).singleElement().satisfies(r -> {
            assertThat(r.fields().keys()).containsExactly("domain_id", "registrable_domain", "last_seen", "had_user_interaction",
                    "last_seen_isodate", "domain", "path");
            assertThat(r.fields().get("path")).isEqualTo(VIEW_SERVICE_DB);
        });
    }

    @Test
    void namesTheAppDomainInBackups() throws Exception {
        newSchema(dir.resolve("fixture/observations.db"));
        var backup = TestBackup.at(dir.resolve("backup")).file("AppDomain-com.example.reader",
                "Library/WebKit/WebsiteData/ResourceLoadStatistics/observations.db", dir.resolve("fixture/observations.db"));
        var result = ModuleHarness.run(backup.open(), "WebkitResourceLoadStatistics");

        var rows = result.of("webkit_resource_load_statistics");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields().get("domain")).isEqualTo("AppDomain-com.example.reader");
        assertThat(rows.get(0).fields().get("path")).isEqualTo("Library/WebKit/WebsiteData/ResourceLoadStatistics/observations.db");
        assertThat(rows.get(0).timeline()).singleElement().satisfies(e -> assertThat(e.description())
                .isEqualTo("Webkit resource loaded from example.org by app in domain AppDomain-com.example.reader"));
    }

    @Test
    void skipsADatabaseWithoutTheObservedDomainsColumnsAndSaysSo() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve(APP_DB))) {
            db.exec("CREATE TABLE ObservedDomains (domainID INTEGER PRIMARY KEY, registrableDomain TEXT)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "WebkitResourceLoadStatistics");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.describe()).contains("no ObservedDomains table with"));
    }
}
