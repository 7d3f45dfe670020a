package org.cotejo.forensics.ios.netbase;

import java.nio.file.Path;
import org.cotejo.forensics.testing.Sqlite;

/** Writes DataUsage.sqlite / netusage.sqlite with their Core Data schema, with or without the Wi-Fi counters. */
final class NetBaseDb implements AutoCloseable {
    private final Sqlite db;
    private final boolean wifi;

    private NetBaseDb(Sqlite db, boolean wifi) {
        this.db = db;
        this.wifi = wifi;
    }

    /** The schema with ZWIFIIN/ZWIFIOUT (iOS up to 16), or without (newer). */
    static NetBaseDb create(Path file, boolean wifi) throws Exception {
        Sqlite db = Sqlite.create(file).exec(
                "CREATE TABLE ZPROCESS (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZFIRSTTIMESTAMP TIMESTAMP,"
                        + " ZTIMESTAMP TIMESTAMP, ZBUNDLENAME VARCHAR, ZPROCNAME VARCHAR)",
                "CREATE TABLE ZLIVEUSAGE (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZKIND INTEGER,"
                        + " ZMETADATA INTEGER, ZTAG INTEGER, ZHASPROCESS INTEGER, ZBILLCYCLEEND TIMESTAMP, ZTIMESTAMP TIMESTAMP,"
                        + (wifi ? " ZWIFIIN FLOAT, ZWIFIOUT FLOAT," : "") + " ZWWANIN FLOAT, ZWWANOUT FLOAT)",
                "CREATE INDEX ZLIVEUSAGE_ZHASPROCESS_INDEX ON ZLIVEUSAGE (ZHASPROCESS)");
        return new NetBaseDb(db, wifi);
    }

    NetBaseDb process(long pk, Double first, Double last, String bundle, String name) throws Exception {
        db.insert("INSERT INTO ZPROCESS (Z_PK, Z_ENT, Z_OPT, ZFIRSTTIMESTAMP, ZTIMESTAMP, ZBUNDLENAME, ZPROCNAME) VALUES (?, 9, 1, ?, ?, ?, ?)",
                pk, first, last, bundle, name);
        return this;
    }

    NetBaseDb live(long pk, Long process, double time, double wwanIn, double wwanOut) throws Exception {
        if (wifi) {
            db.insert("INSERT INTO ZLIVEUSAGE (Z_PK, Z_ENT, Z_OPT, ZKIND, ZHASPROCESS, ZTIMESTAMP, ZWIFIIN, ZWIFIOUT, ZWWANIN, ZWWANOUT)"
                    + " VALUES (?, 6, 1, 0, ?, ?, 100.0, 200.0, ?, ?)", pk, process, time, wwanIn, wwanOut);
        } else {
            db.insert("INSERT INTO ZLIVEUSAGE (Z_PK, Z_ENT, Z_OPT, ZKIND, ZHASPROCESS, ZTIMESTAMP, ZWWANIN, ZWWANOUT)"
                    + " VALUES (?, 6, 1, 0, ?, ?, ?, ?)", pk, process, time, wwanIn, wwanOut);
        }
        return this;
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
