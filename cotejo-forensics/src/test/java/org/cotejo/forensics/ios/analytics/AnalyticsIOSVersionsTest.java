package org.cotejo.forensics.ios.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsIOSVersionsTest {
    @TempDir Path dump;

    @Test
    void keepsTheFirstTimeEachBuildWasSeenAcrossDatabases() throws Exception {
        try (Sqlite db = AnalyticsTest.analyticsDb(dump, "a.db", true)) {
            db.insert("INSERT INTO all_events(timestamp, data) VALUES (?, ?)", 1610000000.0, AnalyticsTest.plist(Map.of("build", "18A373")));
            db.insert("INSERT INTO all_events(timestamp, data) VALUES (?, ?)", 1620000000.0, AnalyticsTest.plist(Map.of("build", "18E199")));
        }
        try (Sqlite db = AnalyticsTest.analyticsDb(dump, "b.db", true)) {
            db.insert("INSERT INTO soft_failures(timestamp, data) VALUES (?, ?)", 1605000000.0, AnalyticsTest.plist(Map.of("build", "18A373")));
            db.insert("INSERT INTO soft_failures(timestamp, data) VALUES (?, ?)", 1600000000.0, AnalyticsTest.plist(Map.of("other", "x")));
        }

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dump), "AnalyticsIOSVersions").of("analytics_ios_versions");

        assertThat(records).extracting(r -> r.fields().string("build"), r -> r.fields().string("isodate"), r -> r.provenance().file(),
                r -> r.provenance().locator()).containsExactly(
                tuple("18A373", "2020-11-10 09:20:00.000000", AnalyticsTest.FOLDER + "b.db", "soft_failures ROWID 1"),
                tuple("18E199", "2021-05-03 00:00:00.000000", AnalyticsTest.FOLDER + "a.db", "all_events ROWID 2"));
        Record first = records.get(0);
        assertThat(first.fields().keys()).containsExactly("isodate", "build", "version");
        assertThat(first.fields().get("version")).isNull();
        assertThat(first.observables()).isEmpty();
        assertThat(first.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2020-11-10T09:20:00Z"));
            assertThat(t.event()).isEqualTo("analytics_ios_version");
            assertThat(t.description()).isEqualTo("Seen iOS build 18A373");
        });
    }
}
