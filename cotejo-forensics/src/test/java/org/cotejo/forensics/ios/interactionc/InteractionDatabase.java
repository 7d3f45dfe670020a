package org.cotejo.forensics.ios.interactionc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.testing.Sqlite;

/** Writes CoreDuet's {@code interactionC.db} in the schema of several iOS generations. */
final class InteractionDatabase implements AutoCloseable {
    static final String PATH = "private/var/mobile/Library/CoreDuet/People/interactionC.db";

    /** iOS generations, newest first, as the module's query variants see them. */
    enum Schema {
        /** iOS 14 and later: photo ids, group names, derived intents. */
        NEWEST,
        /** iOS 12-13: attachments and recipients, without the three newest columns. */
        NO_PHOTO_GROUP_INTENT,
        /** iOS 11: no attachment or recipient join tables. */
        SENDER_ONLY,
        /** iOS 10: also no recipient count and custom identifier. */
        OLDEST;

        boolean joins() { return this == NEWEST || this == NO_PHOTO_GROUP_INTENT; }
        boolean counts() { return this != OLDEST; }
    }

    private final Sqlite db;
    private final Schema schema;

    private InteractionDatabase(Sqlite db, Schema schema) {
        this.db = db;
        this.schema = schema;
    }

    static InteractionDatabase create(Path root, Schema schema) throws Exception {
        Sqlite db = Sqlite.create(root.resolve(PATH));
        db.exec("CREATE TABLE ZINTERACTIONS (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZDIRECTION INTEGER, "
                + "ZISRESPONSE INTEGER, ZMECHANISM INTEGER, " + (schema.counts() ? "ZRECIPIENTCOUNT INTEGER, " : "")
                + "ZSENDER INTEGER, ZCREATIONDATE TIMESTAMP, ZENDDATE TIMESTAMP, ZSTARTDATE TIMESTAMP, ZACCOUNT VARCHAR, "
                + "ZBUNDLEID VARCHAR, ZCONTENTURL VARCHAR, ZDOMAINIDENTIFIER VARCHAR, ZTARGETBUNDLEID VARCHAR, ZUUID VARCHAR"
                + (schema.joins() ? ", ZLOCATIONUUID VARCHAR" : "")
                + (schema == Schema.NEWEST ? ", ZGROUPNAME VARCHAR, ZDERIVEDINTENTIDENTIFIER VARCHAR" : "") + ")");
        db.exec("CREATE TABLE ZCONTACTS (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZINCOMINGRECIPIENTCOUNT INTEGER, "
                + "ZINCOMINGSENDERCOUNT INTEGER, ZOUTGOINGRECIPIENTCOUNT INTEGER, ZPERSONIDTYPE INTEGER, ZTYPE INTEGER, "
                + "ZCREATIONDATE TIMESTAMP, ZFIRSTINCOMINGRECIPIENTDATE TIMESTAMP, ZFIRSTINCOMINGSENDERDATE TIMESTAMP, "
                + "ZFIRSTOUTGOINGRECIPIENTDATE TIMESTAMP, ZLASTINCOMINGRECIPIENTDATE TIMESTAMP, ZLASTINCOMINGSENDERDATE TIMESTAMP, "
                + "ZLASTOUTGOINGRECIPIENTDATE TIMESTAMP, " + (schema.counts() ? "ZCUSTOMIDENTIFIER VARCHAR, " : "")
                + "ZDISPLAYNAME VARCHAR, ZIDENTIFIER VARCHAR, ZPERSONID VARCHAR)");
        if (schema.joins()) {
            db.exec("CREATE TABLE ZATTACHMENT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZSIZEINBYTES INTEGER, "
                            + "ZCREATIONDATE TIMESTAMP, ZCLOUDIDENTIFIER VARCHAR, ZCONTENTTEXT VARCHAR, ZCONTENTURL VARCHAR, "
                            + (schema == Schema.NEWEST ? "ZPHOTOLOCALIDENTIFIER VARCHAR, " : "") + "ZUTI VARCHAR, ZIDENTIFIER BLOB)",
                    "CREATE TABLE Z_1INTERACTIONS (Z_1ATTACHMENTS INTEGER, Z_3INTERACTIONS INTEGER, PRIMARY KEY (Z_1ATTACHMENTS, Z_3INTERACTIONS))",
                    "CREATE TABLE Z_2INTERACTIONRECIPIENT (Z_2RECIPIENTS INTEGER, Z_3INTERACTIONRECIPIENT INTEGER, "
                            + "PRIMARY KEY (Z_2RECIPIENTS, Z_3INTERACTIONRECIPIENT))");
        }
        return new InteractionDatabase(db, schema);
    }

    /** A contact with its aggregate dates (Mac absolute seconds; 0 for "never"). */
    InteractionDatabase contact(long pk, String displayName, String identifier, String customId, double created,
                                double firstIncomingSender, double lastIncomingSender, double lastIncomingRecipient)
            throws Exception {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Z_PK", pk);
        c.put("Z_ENT", 2);
        c.put("Z_OPT", 1);
        c.put("ZINCOMINGSENDERCOUNT", 3);
        c.put("ZINCOMINGRECIPIENTCOUNT", 0);
        c.put("ZOUTGOINGRECIPIENTCOUNT", 1);
        c.put("ZCREATIONDATE", created);
        c.put("ZFIRSTINCOMINGSENDERDATE", firstIncomingSender);
        c.put("ZLASTINCOMINGSENDERDATE", lastIncomingSender);
        c.put("ZLASTINCOMINGRECIPIENTDATE", lastIncomingRecipient);
        if (schema.counts()) c.put("ZCUSTOMIDENTIFIER", customId);
        c.put("ZDISPLAYNAME", displayName);
        c.put("ZIDENTIFIER", identifier);
        c.put("ZPERSONID", "PERSON-" + pk);
        insert("ZCONTACTS", c);
        return this;
    }

    /** An interaction; {@code sender} is a ZCONTACTS Z_PK or null. */
    InteractionDatabase interaction(long pk, String bundleId, String account, int direction, Long sender, String domainId,
                                    double start, double end, double created, String groupName) throws Exception {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("Z_PK", pk);
        i.put("Z_ENT", 3);
        i.put("Z_OPT", 1);
        i.put("ZDIRECTION", direction);
        i.put("ZISRESPONSE", 0);
        i.put("ZMECHANISM", 4);
        if (schema.counts()) i.put("ZRECIPIENTCOUNT", 1);
        i.put("ZSENDER", sender);
        i.put("ZCREATIONDATE", created);
        i.put("ZENDDATE", end);
        i.put("ZSTARTDATE", start);
        i.put("ZACCOUNT", account);
        i.put("ZBUNDLEID", bundleId);
        i.put("ZDOMAINIDENTIFIER", domainId);
        i.put("ZTARGETBUNDLEID", bundleId);
        i.put("ZUUID", "UUID-" + pk);
        if (schema == Schema.NEWEST) i.put("ZGROUPNAME", groupName);
        insert("ZINTERACTIONS", i);
        return this;
    }

    InteractionDatabase attachment(long pk, long interaction, String text) throws Exception {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("Z_PK", pk);
        a.put("Z_ENT", 1);
        a.put("Z_OPT", 1);
        a.put("ZSIZEINBYTES", text.length());
        a.put("ZCONTENTTEXT", text);
        a.put("ZUTI", "public.plain-text");
        if (schema == Schema.NEWEST) a.put("ZPHOTOLOCALIDENTIFIER", null);
        a.put("ZIDENTIFIER", new byte[] {(byte) 0xAB, 0x01});
        insert("ZATTACHMENT", a);
        db.insert("INSERT INTO Z_1INTERACTIONS VALUES (?, ?)", pk, interaction);
        return this;
    }

    InteractionDatabase recipient(long contact, long interaction) throws Exception {
        db.insert("INSERT INTO Z_2INTERACTIONRECIPIENT VALUES (?, ?)", contact, interaction);
        return this;
    }

    private void insert(String table, Map<String, Object> row) throws Exception {
        List<Object> values = new ArrayList<>(row.values());
        db.insert("INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(row.size(), "?")) + ")", values.toArray());
    }

    @Override
    public void close() throws java.sql.SQLException {
        db.close();
    }
}
