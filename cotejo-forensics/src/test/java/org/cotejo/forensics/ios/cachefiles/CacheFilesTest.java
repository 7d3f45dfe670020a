package org.cotejo.forensics.ios.cachefiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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

class CacheFilesTest {
    private static final String APP = "private/var/mobile/Containers/Data/Application/5A1B2C3D-0000-4000-8000-000000000001";

    @TempDir Path dump;

    /** The tables CFNetwork creates in every Cache.db. */
    static void cacheDb(Path file, Object[]... rows) throws Exception {
        try (Sqlite db = Sqlite.create(file)) {
            db.exec("CREATE TABLE cfurl_cache_response(entry_ID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, version INTEGER, "
                            + "hash_value INTEGER, storage_policy INTEGER, request_key TEXT UNIQUE, "
                            + "time_stamp NOT NULL DEFAULT CURRENT_TIMESTAMP, partition TEXT)",
                    "CREATE TABLE cfurl_cache_blob_data(entry_ID INTEGER PRIMARY KEY, response_object BLOB, request_object BLOB, "
                            + "proto_props BLOB, user_info BLOB)",
                    "CREATE TABLE cfurl_cache_receiver_data(entry_ID INTEGER PRIMARY KEY, isDataOnFS INTEGER, receiver_data BLOB)",
                    "CREATE TABLE cfurl_cache_schema_version(schema_version INTEGER)",
                    "INSERT INTO cfurl_cache_schema_version VALUES (202)");
            for (Object[] r : rows) {
                db.insert("INSERT INTO cfurl_cache_response(version, hash_value, storage_policy, request_key, time_stamp, partition) "
                        + "VALUES (0, ?, 0, ?, ?, NULL)", r);
            }
        }
    }

    @Test
    void readsTheUrlsEveryAppCachedWithTheCacheTheyCameFrom() throws Exception {
        cacheDb(dump.resolve(APP + "/Library/Caches/com.example.news/Cache.db"),
                new Object[] {-1288431623L, "https://api.example.com/v1/feed?page=2", "2023-03-14 09:26:53"},
                new Object[] {77L, "https://cdn.example.net/img/a.png", "2023-03-14 09:27:01"});
        cacheDb(dump.resolve("private/var/mobile/Library/Caches/com.apple.Maps/Cache.db"),
                new Object[] {5L, "https://gspe19.ls.apple.com/tile?x=1", "2023-01-02 03:04:05"});

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dump), "CacheFiles").of("cache_files");

        assertThat(records).extracting(r -> r.fields().string("url")).containsExactly(
                "https://api.example.com/v1/feed?page=2", "https://cdn.example.net/img/a.png", "https://gspe19.ls.apple.com/tile?x=1");
        Record first = records.get(0);
        assertThat(first.fields().keys()).containsExactly("entry_id", "version", "hash_value", "storage_policy", "url", "isodate", "cache_file");
        assertThat(first.fields().longValue("entry_id")).isEqualTo(1L);
        assertThat(first.fields().longValue("hash_value")).isEqualTo(-1288431623L);
        assertThat(first.fields().string("isodate")).isEqualTo("2023-03-14 09:26:53");
        assertThat(first.fields().string("cache_file")).isEqualTo(APP + "/Library/Caches/com.example.news/Cache.db");
        assertThat(first.provenance().locator()).isEqualTo("cfurl_cache_response entry_ID 1");
        assertThat(first.provenance().sha256()).hasSize(64);
        assertThat(first.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.URL);
            assertThat(o.observable().raw()).isEqualTo("https://api.example.com/v1/feed?page=2");
            assertThat(o.trace()).isEqualTo(TraceClass.NETWORK);
        });
        assertThat(first.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2023-03-14T09:26:53Z"));
            assertThat(t.event()).isEqualTo("cache_response");
            assertThat(t.description()).isEqualTo(APP + "/Library/Caches/com.example.news/Cache.db recorded visit to URL https://api.example.com/v1/feed?page=2");
        });
    }

    @Test
    void skipsOtherDatabasesNamedCacheDbAndOnlyFilesWithExactlyThatName() throws Exception {
        try (Sqlite db = Sqlite.create(dump.resolve(APP + "/Library/Cache.db"))) {
            db.exec("CREATE TABLE items(id INTEGER PRIMARY KEY, value TEXT)");
        }
        cacheDb(dump.resolve(APP + "/Library/Caches/x/Cache.db.bak"), new Object[] {1L, "https://example.org/", "2023-01-01 00:00:00"});

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "CacheFiles");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void reportsACacheDbThatIsNotSqliteAndStillReadsTheOthers() throws Exception {
        Path broken = dump.resolve(APP + "/Library/Caches/a/Cache.db");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "this is not a database");
        cacheDb(dump.resolve(APP + "/Library/Caches/b/Cache.db"), new Object[] {1L, "https://example.org/", "2023-01-01 00:00:00"});

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "CacheFiles");

        assertThat(result.of("cache_files")).extracting(r -> r.fields().string("url")).containsExactly("https://example.org/");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(APP + "/Library/Caches/a/Cache.db");
            assertThat(p.message()).contains("not a SQLite database").contains("skipped");
            assertThat(p.fatal()).isFalse();
        });
    }

    @Test
    void aTruncatedCacheDbIsReportedAndDoesNotStopTheRun() throws Exception {
        Path cache = dump.resolve(APP + "/Library/Caches/big/Cache.db");
        Object[][] rows = new Object[400][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {(long) i, "https://example.org/" + "page/".repeat(40) + i, "2023-01-01 00:00:00"};
        }
        cacheDb(cache, rows);
        byte[] bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "CacheFiles");

        assertThat(result.of("cache_files").size()).isLessThan(rows.length);
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(APP + "/Library/Caches/big/Cache.db");
            assertThat(p.fatal()).isFalse();
        });
    }
}
