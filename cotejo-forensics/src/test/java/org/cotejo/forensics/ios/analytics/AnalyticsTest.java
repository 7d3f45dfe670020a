package org.cotejo.forensics.ios.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsTest {
    static final String FOLDER = "private/var/Keychains/Analytics/";

    @TempDir Path dump;

    /** The keychain analytics schema (securityd's SFAnalytics store); {@code allEvents} false for older stores. */
    static Sqlite analyticsDb(Path dump, String name, boolean allEvents) throws Exception {
        Sqlite db = Sqlite.create(dump.resolve(FOLDER + name));
        db.exec("CREATE TABLE hard_failures (id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp REAL, data BLOB)",
                "CREATE TABLE soft_failures (id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp REAL, data BLOB)",
                "CREATE TABLE samples (id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp REAL, name STRING, value REAL)");
        if (allEvents) db.exec("CREATE TABLE all_events (id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp REAL, data BLOB)");
        return db;
    }

    static byte[] plist(Map<String, Object> values) throws Exception {
        NSDictionary d = new NSDictionary();
        values.forEach(d::put);
        return BinaryPropertyListWriter.writeToArray(d);
    }

    @Test
    void readsTheEventsOfAllThreeTablesInTimeOrderCountingIdenticalRowsOnce() throws Exception {
        byte[] trust = plist(Map.of("eventType", "TrustEvaluation", "build", "18A373", "hostname", "api.evil-example.com"));
        try (Sqlite db = analyticsDb(dump, "com.apple.security.trustanalytics.db", true)) {
            db.insert("INSERT INTO hard_failures(timestamp, data) VALUES (?, ?)", 1600000300.5,
                    plist(Map.of("eventType", "ckksFailure", "process", "bh", "when", new NSDate(Date.from(Instant.parse("2020-09-13T12:00:00Z"))))));
            db.insert("INSERT INTO soft_failures(timestamp, data) VALUES (?, ?)", 1600000100.0, trust);
            db.insert("INSERT INTO all_events(timestamp, data) VALUES (?, ?)", 1600000200.0, plist(Map.of("eventType", "ok")));
            db.insert("INSERT INTO all_events(timestamp, data) VALUES (?, ?)", 1600000100.0, trust);
        }

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dump), "Analytics").of("analytics");

        assertThat(records).extracting(r -> r.fields().string("isodate"), r -> r.provenance().locator()).containsExactly(
                tuple("2020-09-13 12:28:20.000000", "soft_failures ROWID 1"),
                tuple("2020-09-13 12:30:00.000000", "all_events ROWID 1"),
                tuple("2020-09-13 12:31:40.500000", "hard_failures ROWID 1"));
        Record trustRow = records.get(0);
        assertThat(trustRow.fields().string("hostname")).isEqualTo("api.evil-example.com");
        assertThat(trustRow.fields().string("artifact")).isEqualTo("com.apple.security.trustanalytics.db");
        assertThat(trustRow.observables())
                .extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.field(), o -> o.trace())
                .contains(tuple(ObservableType.PROCESS_NAME, "TrustEvaluation", "eventType", TraceClass.EXECUTION),
                        tuple(ObservableType.DOMAIN, "api.evil-example.com", "hostname", TraceClass.NETWORK))
                .as("words are process names, not hosts").noneMatch(t -> t.toList().contains(ObservableType.DOMAIN) && t.toList().contains("eventType"));
        Record failure = records.get(2);
        assertThat(failure.fields().string("when")).as("plist dates read as MVT writes them").isEqualTo("2020-09-13 12:00:00");
        assertThat(failure.observables()).anyMatch(o -> o.observable().type() == ObservableType.PROCESS_NAME && o.observable().value().equals("bh"));
        assertThat(failure.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2020-09-13T12:31:40.500Z"));
            assertThat(t.event()).isEqualTo("com.apple.security.trustanalytics.db");
            assertThat(t.description()).contains("ckksFailure");
        });
    }

    @Test
    void readsOlderStoresWithoutAllEvents() throws Exception {
        try (Sqlite db = analyticsDb(dump, "com.apple.security.ckks.db", false)) {
            db.insert("INSERT INTO soft_failures(timestamp, data) VALUES (?, ?)", 1500000000.0, plist(Map.of("eventType", "x")));
        }

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dump), "Analytics").of("analytics");

        assertThat(records).singleElement().satisfies(r -> assertThat(r.fields().string("isodate")).isEqualTo("2017-07-14 02:40:00.000000"));
    }

    @Test
    void reportsARowWhoseDataIsNotAPropertyListAndReadsTheRest() throws Exception {
        try (Sqlite db = analyticsDb(dump, "com.apple.security.sos.db", true)) {
            db.insert("INSERT INTO hard_failures(timestamp, data) VALUES (?, ?)", 1600000000.0, new byte[] {1, 2, 3, 4});
            db.insert("INSERT INTO hard_failures(timestamp, data) VALUES (?, ?)", 1600000001.0, plist(Map.of("eventType", "x")));
            db.insert("INSERT INTO hard_failures(timestamp, data) VALUES (NULL, NULL)");
        }

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "Analytics");

        assertThat(result.of("analytics")).extracting(r -> r.fields().string("eventType")).containsExactly("x");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(FOLDER + "com.apple.security.sos.db");
            assertThat(p.message()).contains("hard_failures ROWID 1").contains("row skipped");
        });
    }

    @Test
    void reportsADatabaseWithoutAnalyticsTables() throws Exception {
        try (Sqlite db = Sqlite.create(dump.resolve(FOLDER + "other.db"))) {
            db.exec("CREATE TABLE t (a)");
        }

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "Analytics");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("not a keychain analytics database"));
    }

    @Test
    void aPhoneWithoutAnalyticsGivesNothing() throws Exception {
        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "Analytics", "AnalyticsIOSVersions");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }
}
