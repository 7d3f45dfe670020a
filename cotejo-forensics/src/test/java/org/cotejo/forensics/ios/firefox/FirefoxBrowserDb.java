package org.cotejo.forensics.ios.firefox;

import java.nio.file.Path;
import org.cotejo.forensics.testing.Sqlite;

/** Writes a Firefox for iOS {@code browser.db} with its history, visits and favicon tables. */
final class FirefoxBrowserDb {
    /** 2022-03-01 12:00:00.5 UTC as PRTime (microseconds since 1970). */
    static final long MARCH_2022 = 1646136000500000L;

    private FirefoxBrowserDb() {}

    static void write(Path file) throws Exception {
        try (Sqlite db = Sqlite.create(file)) {
            db.exec("CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT NOT NULL UNIQUE, url TEXT UNIQUE,"
                            + " title TEXT NOT NULL, server_modified INTEGER, local_modified INTEGER, is_deleted TINYINT NOT NULL,"
                            + " should_upload TINYINT NOT NULL, domain_id INTEGER,"
                            + " CONSTRAINT urlOrDeleted CHECK (url IS NOT NULL OR is_deleted = 1))",
                    "CREATE TABLE visits (id INTEGER PRIMARY KEY AUTOINCREMENT, siteID INTEGER NOT NULL REFERENCES history(id)"
                            + " ON DELETE CASCADE, date REAL NOT NULL, type INTEGER NOT NULL, is_local TINYINT NOT NULL,"
                            + " UNIQUE (siteID, date, type))",
                    "CREATE TABLE favicons (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, width INTEGER,"
                            + " height INTEGER, type INTEGER NOT NULL, date REAL NOT NULL)",
                    "CREATE TABLE favicon_sites (id INTEGER PRIMARY KEY AUTOINCREMENT, siteID INTEGER NOT NULL REFERENCES"
                            + " history(id) ON DELETE CASCADE, faviconID INTEGER NOT NULL REFERENCES favicons(id) ON DELETE CASCADE,"
                            + " UNIQUE (siteID, faviconID))");
            db.insert("INSERT INTO history (id, guid, url, title, is_deleted, should_upload) VALUES (1, 'g1', 'https://evil.example.net/a', 'A', 0, 1)");
            db.insert("INSERT INTO history (id, guid, url, title, is_deleted, should_upload) VALUES (2, 'g2', 'https://news.example.org/', 'News', 0, 1)");
            db.insert("INSERT INTO visits (id, siteID, date, type, is_local) VALUES (1, 1, ?, 1, 1)", MARCH_2022);
            db.insert("INSERT INTO visits (id, siteID, date, type, is_local) VALUES (2, 2, ?, 2, 0)", MARCH_2022 + 10_000_000);
            db.insert("INSERT INTO favicons (id, url, width, height, type, date) VALUES (5, 'https://cdn.example.net/f.ico', 32, 32, 1, 1646136000.25)");
            db.insert("INSERT INTO favicon_sites (siteID, faviconID) VALUES (1, 5)");
        }
    }
}
