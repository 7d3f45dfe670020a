package org.cotejo.forensics.ios.safari;

import java.nio.file.Path;
import org.cotejo.forensics.testing.Sqlite;

/** Writes a Safari {@code History.db} with the schema iOS 15-17 uses. */
final class SafariHistoryDb implements AutoCloseable {
    private final Sqlite db;

    private SafariHistoryDb(Sqlite db) {
        this.db = db;
    }

    static SafariHistoryDb create(Path file) throws Exception {
        return new SafariHistoryDb(Sqlite.create(file).exec(
                "CREATE TABLE history_items (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE,"
                        + " domain_expansion TEXT NULL, visit_count INTEGER NOT NULL, daily_visit_counts BLOB NOT NULL,"
                        + " weekly_visit_counts BLOB NULL, autocomplete_triggers BLOB NULL,"
                        + " should_recompute_derived_visit_counts INTEGER NOT NULL, visit_count_score INTEGER NOT NULL,"
                        + " status_code INTEGER NOT NULL DEFAULT 0)",
                "CREATE TABLE history_visits (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " history_item INTEGER NOT NULL REFERENCES history_items(id) ON DELETE CASCADE,"
                        + " visit_time REAL NOT NULL, title TEXT NULL, load_successful BOOLEAN NOT NULL DEFAULT 1,"
                        + " http_non_get BOOLEAN NOT NULL DEFAULT 0, synthesized BOOLEAN NOT NULL DEFAULT 0,"
                        + " redirect_source INTEGER NULL UNIQUE REFERENCES history_visits(id) ON DELETE CASCADE,"
                        + " redirect_destination INTEGER NULL UNIQUE REFERENCES history_visits(id) ON DELETE CASCADE,"
                        + " origin INTEGER NOT NULL DEFAULT 0, generation INTEGER NOT NULL DEFAULT 0,"
                        + " attributes INTEGER NOT NULL DEFAULT 0, score INTEGER NOT NULL DEFAULT 0)"));
    }

    SafariHistoryDb item(long id, String url) throws Exception {
        db.insert("INSERT INTO history_items (id, url, visit_count, daily_visit_counts, should_recompute_derived_visit_counts,"
                + " visit_count_score) VALUES (?, ?, 1, x'', 0, 100)", id, url);
        return this;
    }

    SafariHistoryDb visit(long id, long item, double macTime, Long redirectSource, Long redirectDestination) throws Exception {
        db.insert("INSERT INTO history_visits (id, history_item, visit_time, title, redirect_source, redirect_destination)"
                + " VALUES (?, ?, ?, 'a page', ?, ?)", id, item, macTime, redirectSource, redirectDestination);
        return this;
    }

    /** Runs the inserts in {@code rows} in one transaction (thousands of rows in well under a second). */
    SafariHistoryDb inOneTransaction(Rows rows) throws Exception {
        db.exec("BEGIN");
        rows.write(this);
        db.exec("COMMIT");
        return this;
    }

    interface Rows {
        void write(SafariHistoryDb db) throws Exception;
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
