package org.cotejo.forensics.ios.whatsapp;

import java.nio.file.Path;
import org.cotejo.forensics.testing.Sqlite;

/** Writes WhatsApp's {@code ChatStorage.sqlite} (Core Data schema of WhatsApp 23.x-24.x, the tables the module reads). */
final class ChatStorage implements AutoCloseable {
    static final String FOLDER = "private/var/mobile/Containers/Shared/AppGroup/2E4D1A62-5A7C-4D1B-9C8E-5B8C2B4F0A11/";

    private final Sqlite db;

    private ChatStorage(Sqlite db) {
        this.db = db;
    }

    static ChatStorage create(Path root, boolean withLidTable) throws Exception {
        Sqlite db = Sqlite.create(root.resolve(FOLDER + "ChatStorage.sqlite"));
        db.exec("""
                CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZCHILDMESSAGESDELIVEREDCOUNT INTEGER,
                  ZDOCID INTEGER, ZENCRETRYCOUNT INTEGER, ZFILTEREDRECIPIENTCOUNT INTEGER, ZFLAGS INTEGER, ZGROUPEVENTTYPE INTEGER,
                  ZISFROMME INTEGER, ZMESSAGEERRORSTATUS INTEGER, ZMESSAGESTATUS INTEGER, ZMESSAGETYPE INTEGER, ZSORT INTEGER,
                  ZSPOTLIGHTSTATUS INTEGER, ZSTARRED INTEGER, ZCHATSESSION INTEGER, ZGROUPMEMBER INTEGER, ZLASTSESSION INTEGER,
                  ZMEDIAITEM INTEGER, ZMESSAGEINFO INTEGER, ZPARENTMESSAGE INTEGER, ZMESSAGEDATE TIMESTAMP, ZSENTDATE TIMESTAMP,
                  ZFROMJID VARCHAR, ZMEDIASECTIONID VARCHAR, ZPHASH VARCHAR, ZPUSHNAME VARCHAR, ZSTANZAID VARCHAR, ZTEXT VARCHAR,
                  ZTOJID VARCHAR, ZMETADATA BLOB)""",
                """
                CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZFILESIZE INTEGER,
                  ZMOVIEDURATION INTEGER, ZMESSAGE INTEGER, ZLATITUDE FLOAT, ZLONGITUDE FLOAT, ZAUTHORNAME VARCHAR,
                  ZCOLLECTIONNAME VARCHAR, ZMEDIALOCALPATH VARCHAR, ZMEDIAURL VARCHAR, ZTHUMBNAILLOCALPATH VARCHAR,
                  ZTITLE VARCHAR, ZVCARDNAME VARCHAR, ZVCARDSTRING VARCHAR, ZXMPPTHUMBPATH VARCHAR, ZMEDIAKEY BLOB, ZMETADATA BLOB)""",
                """
                CREATE TABLE ZWAMESSAGEDATAITEM (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZINDEX INTEGER,
                  ZMESSAGE INTEGER, ZDATE TIMESTAMP, ZCONTENT1 VARCHAR, ZCONTENT2 VARCHAR, ZMATCHEDTEXT VARCHAR,
                  ZSENDERJID VARCHAR, ZSUMMARY VARCHAR, ZTITLE VARCHAR, ZTYPE VARCHAR)""",
                """
                CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZARCHIVED INTEGER,
                  ZCONTACTABID INTEGER, ZFLAGS INTEGER, ZHIDDEN INTEGER, ZIDENTITYVERIFICATIONSTATE INTEGER,
                  ZMESSAGECOUNTER INTEGER, ZREMOVED INTEGER, ZSESSIONTYPE INTEGER, ZSPOTLIGHTSTATUS INTEGER,
                  ZUNREADCOUNT INTEGER, ZGROUPINFO INTEGER, ZLASTMESSAGE INTEGER, ZPROPERTIES INTEGER,
                  ZLASTMESSAGEDATE TIMESTAMP, ZCONTACTIDENTIFIER VARCHAR, ZCONTACTJID VARCHAR, ZETAG VARCHAR,
                  ZLASTMESSAGETEXT VARCHAR, ZPARTNERNAME VARCHAR, ZSAVEDINPUT VARCHAR)""",
                """
                CREATE TABLE ZWAGROUPINFO (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZSTATE INTEGER,
                  ZCHATSESSION INTEGER, ZLASTMESSAGEOWNER INTEGER, ZCREATIONDATE TIMESTAMP, ZSUBJECTTIMESTAMP TIMESTAMP,
                  ZCREATORJID VARCHAR, ZOWNERJID VARCHAR, ZSUBJECTOWNERJID VARCHAR, ZPICTUREID VARCHAR, ZPICTUREPATH VARCHAR)""");
        if (withLidTable) db.exec(LidDatabase.TABLE);
        return new ChatStorage(db);
    }

    ChatStorage session(long pk, String jid, String partner, int type, double lastMessageDate, Long groupInfo) throws Exception {
        db.insert("INSERT INTO ZWACHATSESSION (Z_PK, Z_ENT, Z_OPT, ZARCHIVED, ZMESSAGECOUNTER, ZREMOVED, ZSESSIONTYPE, ZGROUPINFO, "
                + "ZLASTMESSAGEDATE, ZCONTACTJID, ZPARTNERNAME) VALUES (?, 4, 1, 0, 12, 0, ?, ?, ?, ?, ?)",
                pk, type, groupInfo, lastMessageDate, jid, partner);
        return this;
    }

    ChatStorage group(long pk, long session, double created, String creator) throws Exception {
        db.insert("INSERT INTO ZWAGROUPINFO (Z_PK, Z_ENT, Z_OPT, ZCHATSESSION, ZCREATIONDATE, ZCREATORJID) VALUES (?, 3, 1, ?, ?, ?)",
                pk, session, created, creator);
        return this;
    }

    ChatStorage message(long pk, long session, double date, String from, String text) throws Exception {
        db.insert("INSERT INTO ZWAMESSAGE (Z_PK, Z_ENT, Z_OPT, ZISFROMME, ZMESSAGESTATUS, ZMESSAGETYPE, ZCHATSESSION, ZMESSAGEDATE, "
                + "ZSENTDATE, ZFROMJID, ZSTANZAID, ZTEXT, ZMETADATA) VALUES (?, 9, 2, ?, 8, 0, ?, ?, ?, ?, ?, ?, ?)",
                pk, from == null ? 1 : 0, session, date, date, from, "3EB0" + pk, text, new byte[] {0x2a, 0x02, 0x08, 0x01});
        return this;
    }

    ChatStorage media(long pk, long message, String url) throws Exception {
        db.insert("INSERT INTO ZWAMEDIAITEM (Z_PK, Z_ENT, Z_OPT, ZFILESIZE, ZMESSAGE, ZMEDIALOCALPATH, ZMEDIAURL) VALUES (?, 7, 1, 81234, ?, ?, ?)",
                pk, message, "Media/" + pk + ".jpg", url);
        return this;
    }

    ChatStorage preview(long pk, long message, String matchedText, String title) throws Exception {
        db.insert("INSERT INTO ZWAMESSAGEDATAITEM (Z_PK, Z_ENT, Z_OPT, ZINDEX, ZMESSAGE, ZMATCHEDTEXT, ZTITLE, ZCONTENT1) "
                + "VALUES (?, 8, 1, 0, ?, ?, ?, ?)", pk, message, matchedText, title, matchedText);
        return this;
    }

    ChatStorage lidPair(long pk, String lid, String phone, double timestamp) throws Exception {
        LidDatabase.pair(db, pk, lid, phone, timestamp);
        return this;
    }

    Sqlite sqlite() { return db; }

    @Override
    public void close() throws java.sql.SQLException {
        db.close();
    }

    /** WhatsApp's {@code LID.sqlite}, beside ChatStorage.sqlite. */
    static final class LidDatabase {
        static final String TABLE = "CREATE TABLE ZWAPHONENUMBERLIDPAIR (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZTIMESTAMP TIMESTAMP, ZLID VARCHAR, ZPHONENUMBER VARCHAR)";

        static Sqlite create(Path root) throws Exception {
            return Sqlite.create(root.resolve(FOLDER + "LID.sqlite")).exec(TABLE);
        }

        static void pair(Sqlite db, long pk, String lid, String phone, double timestamp) throws Exception {
            db.insert("INSERT INTO ZWAPHONENUMBERLIDPAIR (Z_PK, Z_ENT, Z_OPT, ZTIMESTAMP, ZLID, ZPHONENUMBER) VALUES (?, 1, 1, ?, ?, ?)",
                    pk, timestamp, lid, phone);
        }
    }
}
