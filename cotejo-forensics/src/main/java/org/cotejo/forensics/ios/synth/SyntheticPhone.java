package org.cotejo.forensics.ios.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the databases of an iPhone with realistic schemas and a chosen volume of data: sms.db,
 * Safari History.db, DataUsage.sqlite and WebKit observations.db. Deterministic for a seed. Used by the
 * benchmark (a large backup) and by tests; values are drawn from a small vocabulary of benign domains
 * and apps.
 *
 * @param sms           messages
 * @param safariVisits  history visits (over visits/4 distinct URLs)
 * @param dataUsageRows ZPROCESS rows, each with one ZLIVEUSAGE row
 * @param webkitDomains ObservedDomains rows
 * @param seed          random seed
 * @param links         links planted in received messages after the generated ones (e.g. an exploit link)
 * @param processes     process names planted in DataUsage after the generated rows, without bundle id (as implants run)
 */
public record SyntheticPhone(int sms, int safariVisits, int dataUsageRows, int webkitDomains, long seed,
                             List<String> links, List<String> processes) {
    public SyntheticPhone {
        links = List.copyOf(links);
        processes = List.copyOf(processes);
    }

    public SyntheticPhone(int sms, int safariVisits, int dataUsageRows, int webkitDomains, long seed) {
        this(sms, safariVisits, dataUsageRows, webkitDomains, seed, List.of(), List.of());
    }

    /** The same phone with traces planted: links received by SMS and processes seen by DataUsage. */
    public SyntheticPhone planting(List<String> plantedLinks, List<String> plantedProcesses) {
        return new SyntheticPhone(sms, safariVisits, dataUsageRows, webkitDomains, seed, plantedLinks, plantedProcesses);
    }

    private static final String[] DOMAINS = {"news.example.net", "mail.example.com", "shop.example.org", "video.example.net",
        "maps.example.com", "bank.example.org", "weather.example.net", "social.example.com", "docs.example.org", "cdn.example.net"};
    private static final String[] PROCESSES = {"com.apple.WebKit.Networking", "mDNSResponder", "nsurlsessiond", "apsd",
        "itunesstored", "cloudd", "assistantd", "routined", "locationd", "identityservicesd"};
    /** Mac absolute time of 2021-01-01T00:00:00Z. */
    private static final double T0 = 631_152_000d;

    /** Writes the databases into {@code scratch} and returns where each belongs on the phone. */
    public List<PhoneFile> write(Path scratch) throws IOException {
        Files.createDirectories(scratch);
        List<PhoneFile> out = new ArrayList<>();
        Random rnd = new Random(seed);
        try {
            out.add(new PhoneFile("HomeDomain", "Library/SMS/sms.db", "private/var/mobile/Library/SMS/sms.db",
                    smsDb(scratch.resolve("sms.db"), rnd)));
            out.add(new PhoneFile("HomeDomain", "Library/Safari/History.db", "private/var/mobile/Library/Safari/History.db",
                    historyDb(scratch.resolve("History.db"), rnd)));
            out.add(new PhoneFile("WirelessDomain", "Library/Databases/DataUsage.sqlite",
                    "private/var/wireless/Library/Databases/DataUsage.sqlite", dataUsageDb(scratch.resolve("DataUsage.sqlite"), rnd)));
            out.add(new PhoneFile("AppDomain-com.apple.mobilesafari",
                    "Library/WebKit/WebsiteData/ResourceLoadStatistics/observations.db",
                    "private/var/mobile/Containers/Data/Application/0A1B2C3D-0000-4000-8000-000000000001/Library/WebKit/WebsiteData/ResourceLoadStatistics/observations.db",
                    observationsDb(scratch.resolve("observations.db"), rnd)));
        } catch (SQLException e) {
            throw new IOException("cannot generate phone databases: " + e.getMessage(), e);
        }
        return out;
    }

    private static Connection create(Path file) throws SQLException, IOException {
        Files.deleteIfExists(file);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
        }
        c.setAutoCommit(false);
        return c;
    }

    private Path smsDb(Path file, Random rnd) throws SQLException, IOException {
        try (Connection c = create(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, country TEXT,"
                    + " service TEXT NOT NULL, uncanonicalized_id TEXT, person_centric_id TEXT)");
            s.execute("CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT,"
                    + " replace INTEGER DEFAULT 0, service_center TEXT, handle_id INTEGER DEFAULT 0, subject TEXT, country TEXT,"
                    + " attributedBody BLOB, version INTEGER DEFAULT 0, type INTEGER DEFAULT 0, service TEXT, account TEXT,"
                    + " account_guid TEXT, error INTEGER DEFAULT 0, date INTEGER, date_read INTEGER, date_delivered INTEGER,"
                    + " is_delivered INTEGER DEFAULT 0, is_finished INTEGER DEFAULT 0, is_emote INTEGER DEFAULT 0,"
                    + " is_from_me INTEGER DEFAULT 0, is_empty INTEGER DEFAULT 0, is_read INTEGER DEFAULT 0, cache_roomnames TEXT)");
            try (PreparedStatement h = c.prepareStatement("INSERT INTO handle (id, country, service) VALUES (?, 'es', ?)")) {
                for (int i = 0; i < 200; i++) {
                    h.setString(1, String.format("+3460%07d", i));
                    h.setString(2, i % 3 == 0 ? "SMS" : "iMessage");
                    h.executeUpdate();
                }
            }
            try (PreparedStatement m = c.prepareStatement("INSERT INTO message (guid, text, handle_id, service, account, date,"
                    + " date_read, is_from_me, is_read) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < sms; i++) {
                    long date = (long) ((T0 + i * 97L + rnd.nextInt(60)) * 1e9);
                    boolean link = rnd.nextInt(8) == 0;
                    m.setString(1, String.format("%08X-0000-4000-8000-%012X", i, seed));
                    m.setString(2, link ? "See https://" + DOMAINS[rnd.nextInt(DOMAINS.length)] + "/p/" + i : "Message number " + i);
                    m.setInt(3, 1 + rnd.nextInt(200));
                    m.setString(4, i % 3 == 0 ? "SMS" : "iMessage");
                    m.setString(5, "e:owner@example.com");
                    m.setLong(6, date);
                    m.setLong(7, date + 30_000_000_000L);
                    m.setInt(8, rnd.nextInt(2));
                    m.setInt(9, 1);
                    m.addBatch();
                    if (i % 5000 == 4999) m.executeBatch();
                }
                for (int j = 0; j < links.size(); j++) {
                    long date = (long) ((T0 + (sms + j) * 97L) * 1e9);
                    m.setString(1, String.format("%08X-1111-4000-8000-%012X", j, seed));
                    m.setString(2, "Your parcel is waiting: " + links.get(j));
                    m.setInt(3, 1);
                    m.setString(4, "SMS");
                    m.setString(5, "e:owner@example.com");
                    m.setLong(6, date);
                    m.setLong(7, date + 30_000_000_000L);
                    m.setInt(8, 0);
                    m.setInt(9, 1);
                    m.addBatch();
                }
                m.executeBatch();
            }
            c.commit();
        }
        return file;
    }

    private Path historyDb(Path file, Random rnd) throws SQLException, IOException {
        int items = Math.max(1, safariVisits / 4);
        try (Connection c = create(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE history_items (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE,"
                    + " domain_expansion TEXT NULL, visit_count INTEGER NOT NULL, daily_visit_counts BLOB NOT NULL,"
                    + " weekly_visit_counts BLOB NULL, autocomplete_triggers BLOB NULL, should_recompute_derived_visit_counts INTEGER NOT NULL,"
                    + " visit_count_score INTEGER NOT NULL)");
            s.execute("CREATE TABLE history_visits (id INTEGER PRIMARY KEY AUTOINCREMENT, history_item INTEGER NOT NULL"
                    + " REFERENCES history_items(id) ON DELETE CASCADE, visit_time REAL NOT NULL, title TEXT NULL,"
                    + " load_successful BOOLEAN NOT NULL DEFAULT 1, http_non_get BOOLEAN NOT NULL DEFAULT 0,"
                    + " synthesized BOOLEAN NOT NULL DEFAULT 0, redirect_source INTEGER NULL UNIQUE REFERENCES history_visits(id) ON DELETE CASCADE,"
                    + " redirect_destination INTEGER NULL UNIQUE REFERENCES history_visits(id) ON DELETE CASCADE,"
                    + " origin INTEGER NOT NULL DEFAULT 0, generation INTEGER NOT NULL DEFAULT 0, attributes INTEGER NOT NULL DEFAULT 0,"
                    + " score INTEGER NOT NULL DEFAULT 0)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO history_items (url, domain_expansion, visit_count,"
                    + " daily_visit_counts, should_recompute_derived_visit_counts, visit_count_score) VALUES (?, ?, 4, X'', 0, 0)")) {
                for (int i = 0; i < items; i++) {
                    String d = DOMAINS[i % DOMAINS.length];
                    p.setString(1, "https://" + d + "/article/" + i + "?ref=" + rnd.nextInt(1000));
                    p.setString(2, d.substring(0, d.indexOf('.')));
                    p.addBatch();
                    if (i % 5000 == 4999) p.executeBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO history_visits (history_item, visit_time, title) VALUES (?, ?, ?)")) {
                for (int i = 0; i < safariVisits; i++) {
                    p.setInt(1, 1 + rnd.nextInt(items));
                    p.setDouble(2, T0 + i * 31.5 + rnd.nextDouble());
                    p.setString(3, "Page " + i);
                    p.addBatch();
                    if (i % 5000 == 4999) p.executeBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
        return file;
    }

    private Path dataUsageDb(Path file, Random rnd) throws SQLException, IOException {
        try (Connection c = create(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ZPROCESS (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZFIRSTTIMESTAMP TIMESTAMP,"
                    + " ZTIMESTAMP TIMESTAMP, ZBUNDLENAME VARCHAR, ZPROCNAME VARCHAR)");
            s.execute("CREATE TABLE ZLIVEUSAGE (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZKIND INTEGER,"
                    + " ZMETADATA INTEGER, ZTAG INTEGER, ZHASPROCESS INTEGER, ZBILLCYCLEEND TIMESTAMP, ZTIMESTAMP TIMESTAMP,"
                    + " ZWIFIIN FLOAT, ZWIFIOUT FLOAT, ZWWANIN FLOAT, ZWWANOUT FLOAT)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO ZPROCESS VALUES (?, 1, 1, ?, ?, ?, ?)");
                 PreparedStatement l = c.prepareStatement("INSERT INTO ZLIVEUSAGE VALUES (?, 2, 1, 0, 0, 0, ?, NULL, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= dataUsageRows; i++) {
                    double t = T0 + i * 600;
                    String proc = PROCESSES[rnd.nextInt(PROCESSES.length)];
                    p.setInt(1, i);
                    p.setDouble(2, t);
                    p.setDouble(3, t + 3600);
                    p.setString(4, rnd.nextBoolean() ? "com.example.app" + (i % 50) : null);
                    p.setString(5, proc);
                    p.addBatch();
                    l.setInt(1, i);
                    l.setInt(2, i);
                    l.setDouble(3, t + 60);
                    l.setDouble(4, rnd.nextInt(100_000));
                    l.setDouble(5, rnd.nextInt(100_000));
                    l.setDouble(6, rnd.nextInt(100_000));
                    l.setDouble(7, rnd.nextInt(100_000));
                    l.addBatch();
                    if (i % 5000 == 0) {
                        p.executeBatch();
                        l.executeBatch();
                    }
                }
                for (int j = 0; j < processes.size(); j++) {
                    int pk = dataUsageRows + 1 + j;
                    double t = T0 + pk * 600;
                    p.setInt(1, pk);
                    p.setDouble(2, t);
                    p.setDouble(3, t + 3600);
                    p.setString(4, null);
                    p.setString(5, processes.get(j));
                    p.addBatch();
                    l.setInt(1, pk);
                    l.setInt(2, pk);
                    l.setDouble(3, t + 60);
                    l.setDouble(4, 0);
                    l.setDouble(5, 0);
                    l.setDouble(6, 1200);
                    l.setDouble(7, 4800);
                    l.addBatch();
                }
                p.executeBatch();
                l.executeBatch();
            }
            c.commit();
        }
        return file;
    }

    private Path observationsDb(Path file, Random rnd) throws SQLException, IOException {
        try (Connection c = create(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ObservedDomains (domainID INTEGER PRIMARY KEY, registrableDomain TEXT NOT NULL UNIQUE ON CONFLICT FAIL,"
                    + " lastSeen REAL NOT NULL, hadUserInteraction INTEGER NOT NULL, mostRecentUserInteractionTime REAL NOT NULL,"
                    + " grandfathered INTEGER NOT NULL, isPrevalent INTEGER NOT NULL, isVeryPrevalent INTEGER NOT NULL,"
                    + " dataRecordsRemoved INTEGER NOT NULL, timesAccessedAsFirstPartyDueToUserInteraction INTEGER NOT NULL,"
                    + " timesAccessedAsFirstPartyDueToStorageAccessAPI INTEGER NOT NULL, isScheduledForAllButCookieDataRemoval INTEGER NOT NULL,"
                    + " mostRecentWebPushInteractionTime REAL NOT NULL)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO ObservedDomains VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, -1)")) {
                for (int i = 1; i <= webkitDomains; i++) {
                    p.setInt(1, i);
                    p.setString(2, "site" + i + "." + DOMAINS[i % DOMAINS.length].substring(DOMAINS[i % DOMAINS.length].indexOf('.') + 1));
                    p.setDouble(3, 1_609_459_200d + i * 120);
                    p.setInt(4, rnd.nextInt(2));
                    p.setDouble(5, rnd.nextBoolean() ? 1_609_459_200d + i * 100 : -1);
                    p.addBatch();
                    if (i % 5000 == 0) p.executeBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
        return file;
    }
}
