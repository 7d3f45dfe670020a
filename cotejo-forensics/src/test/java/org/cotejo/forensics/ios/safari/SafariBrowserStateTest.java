package org.cotejo.forensics.ios.safari;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafariBrowserStateTest {
    private static final String DB = "private/var/mobile/Library/Safari/BrowserState.db";
    private static final String TAB_COLUMNS = "id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT UNIQUE NOT NULL, title TEXT NOT NULL,"
            + " url TEXT NOT NULL, user_visible_url TEXT NOT NULL, last_viewed_time REAL NOT NULL,"
            + " opened_from_link BOOLEAN NOT NULL DEFAULT 0, private_browsing BOOLEAN NOT NULL DEFAULT 0,"
            + " browser_window_uuid TEXT NOT NULL DEFAULT '', order_index INTEGER NOT NULL DEFAULT 0";

    @TempDir Path dir;

    @Test
    void readsTabsWithThePagesEachTabWentThrough() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve(DB))) {
            db.exec("CREATE TABLE tabs (" + TAB_COLUMNS + ")",
                    "CREATE TABLE tab_sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, tab_uuid TEXT UNIQUE NOT NULL, session_data BLOB)");
            db.insert("INSERT INTO tabs (uuid, title, url, user_visible_url, last_viewed_time) VALUES (?, ?, ?, ?, ?)",
                    "T-1", "Landing", "https://landing.example.net/", "https://landing.example.net/", 600000000.5);
            db.insert("INSERT INTO tab_sessions (tab_uuid, session_data) VALUES (?, ?)", "T-1", session(
                    entry("http://short.example.com/a", "https://landing.example.net/", "Landing", new byte[12]),
                    entry("https://second.example.org/", "https://second.example.org/", "Second", null)));
            // A tab without a session row is not joined, as in MVT.
            db.insert("INSERT INTO tabs (uuid, title, url, user_visible_url, last_viewed_time) VALUES (?, ?, ?, ?, ?)",
                    "T-2", "Orphan", "https://orphan.example.org/", "https://orphan.example.org/", 600000001.0);
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "SafariBrowserState");

        assertThat(result.problems()).isEmpty();
        Record tab = result.of("safari_browser_state").get(0);
        assertThat(result.of("safari_browser_state")).hasSize(1);
        Fields f = tab.fields();
        assertThat(f.get("tab_title")).isEqualTo("Landing");
        assertThat(f.get("tab_url")).isEqualTo("https://landing.example.net/");
        assertThat(f.get("last_viewed_timestamp")).isEqualTo("2020-01-06 10:40:00.500000");
        assertThat(f.get("safari_browser_state_db")).isEqualTo(DB);
        List<?> entries = f.list("session_data");
        assertThat(entries).hasSize(2);
        Map<?, ?> first = (Map<?, ?>) entries.get(0);
        assertThat(first.get("entry_title")).isEqualTo("http://short.example.com/a");
        assertThat(first.get("entry_url")).isEqualTo("https://landing.example.net/");
        assertThat(first.get("data_length")).isEqualTo(12L);
        assertThat(first.get("entry_page_title")).isEqualTo("Landing");
        assertThat(((Map<?, ?>) entries.get(1)).get("data_length")).isEqualTo(0L);

        assertThat(tab.observables()).extracting(o -> o.field() + "=" + o.observable().value()).contains(
                "tab_url=https://landing.example.net/",
                "session_data[0].entry_title=http://short.example.com/a",
                "session_data[1].entry_url=https://second.example.org/");
        assertThat(tab.timeline()).singleElement().satisfies(e ->
                assertThat(e.description()).isEqualTo("Landing - https://landing.example.net/"));
        assertThat(tab.provenance().locator()).isEqualTo("tabs ROWID 1");
    }

    @Test
    void readsTabsOfIos11WhoseSessionIsInTheTabsTable() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve(DB))) {
            db.exec("CREATE TABLE tabs (" + TAB_COLUMNS + ", session_data BLOB)");
            db.insert("INSERT INTO tabs (uuid, title, url, user_visible_url, last_viewed_time, session_data) VALUES (?, ?, ?, ?, ?, ?)",
                    "T-1", "Old", "https://old.example.org/", "https://old.example.org/", 500000000.0,
                    session(entry("https://old.example.org/", "https://old.example.org/", "Old", null)));
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "SafariBrowserState");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("safari_browser_state")).singleElement().satisfies(r -> {
            assertThat(r.fields().get("tab_url")).isEqualTo("https://old.example.org/");
            assertThat(r.fields().list("session_data")).hasSize(1);
        });
    }

    @Test
    void keepsATabWhoseSessionDataIsDamagedAndSaysSo() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve(DB))) {
            db.exec("CREATE TABLE tabs (" + TAB_COLUMNS + ")",
                    "CREATE TABLE tab_sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, tab_uuid TEXT UNIQUE NOT NULL, session_data BLOB)");
            db.insert("INSERT INTO tabs (uuid, title, url, user_visible_url, last_viewed_time) VALUES (?, ?, ?, ?, ?)",
                    "T-1", "Tab", "https://tab.example.org/", "https://tab.example.org/", 600000000.0);
            db.insert("INSERT INTO tab_sessions (tab_uuid, session_data) VALUES (?, ?)", "T-1",
                    new byte[] {0, 0, 0, 2, 'b', 'p', 'l', 'i', 's', 't', '0', '0', 1, 2, 3});
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "SafariBrowserState");

        assertThat(result.of("safari_browser_state")).singleElement()
                .satisfies(r -> assertThat(r.fields().list("session_data")).isEmpty());
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.describe()).contains("tabs ROWID 1").contains("session_data");
            assertThat(p.fatal()).isFalse();
        });
    }

    @Test
    void reportsADatabaseWithoutTabs() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve(DB))) {
            db.exec("CREATE TABLE browser_windows (id INTEGER PRIMARY KEY)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "SafariBrowserState");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.describe()).contains("no tabs table"));
    }

    /** A session_data blob as Safari writes it: a 4-byte header, then a binary property list. */
    static byte[] session(NSDictionary... entries) throws Exception {
        NSDictionary history = new NSDictionary();
        history.put("SessionHistoryEntries", new NSArray(entries));
        history.put("SessionHistoryCurrentIndex", entries.length - 1);
        NSDictionary root = new NSDictionary();
        root.put("SessionHistory", history);
        root.put("SessionHistoryVersion", 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, 0, 0, 2});
        BinaryPropertyListWriter.write(out, root);
        return out.toByteArray();
    }

    static NSDictionary entry(String originalUrl, String url, String title, byte[] data) {
        NSDictionary e = new NSDictionary();
        e.put("SessionHistoryEntryOriginalURL", originalUrl);
        e.put("SessionHistoryEntryURL", url);
        e.put("SessionHistoryEntryTitle", title);
        if (data != null) e.put("SessionHistoryEntryData", new NSData(data));
        return e;
    }
}
