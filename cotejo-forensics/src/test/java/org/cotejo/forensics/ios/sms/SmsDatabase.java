package org.cotejo.forensics.ios.sms;

import java.nio.file.Path;
import org.cotejo.forensics.testing.Sqlite;

/**
 * Writes an {@code sms.db} with the tables and columns iOS 14-16 use for messages and attachments
 * (a realistic subset: every column the modules read, and the ones around them).
 */
final class SmsDatabase implements AutoCloseable {
    static final String PATH = "private/var/mobile/Library/SMS/sms.db";

    private final Sqlite db;

    private SmsDatabase(Sqlite db) {
        this.db = db;
    }

    /** Creates {@code sms.db} under a filesystem-dump root. */
    static SmsDatabase create(Path root) throws Exception {
        Sqlite db = Sqlite.create(root.resolve(PATH));
        db.exec("""
                CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, country TEXT,
                  service TEXT NOT NULL, uncanonicalized_id TEXT, person_centric_id TEXT, UNIQUE (id, service))""",
                """
                CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT,
                  replace INTEGER DEFAULT 0, service_center TEXT, handle_id INTEGER DEFAULT 0, subject TEXT, country TEXT,
                  attributedBody BLOB, version INTEGER DEFAULT 0, type INTEGER DEFAULT 0, service TEXT, account TEXT,
                  account_guid TEXT, error INTEGER DEFAULT 0, date INTEGER, date_read INTEGER, date_delivered INTEGER,
                  is_delivered INTEGER DEFAULT 0, is_finished INTEGER DEFAULT 0, is_emote INTEGER DEFAULT 0,
                  is_from_me INTEGER DEFAULT 0, is_empty INTEGER DEFAULT 0, is_delayed INTEGER DEFAULT 0,
                  is_auto_reply INTEGER DEFAULT 0, is_prepared INTEGER DEFAULT 0, is_read INTEGER DEFAULT 0,
                  is_system_message INTEGER DEFAULT 0, is_sent INTEGER DEFAULT 0, has_dd_results INTEGER DEFAULT 0,
                  cache_has_attachments INTEGER DEFAULT 0, item_type INTEGER DEFAULT 0, group_title TEXT,
                  associated_message_guid TEXT, balloon_bundle_id TEXT, payload_data BLOB,
                  expressive_send_style_id TEXT, message_summary_info BLOB, destination_caller_id TEXT,
                  thread_originator_guid TEXT)""",
                """
                CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, style INTEGER,
                  state INTEGER, account_id TEXT, properties BLOB, chat_identifier TEXT, service_name TEXT,
                  room_name TEXT, account_login TEXT, is_archived INTEGER DEFAULT 0, last_addressed_handle TEXT,
                  display_name TEXT, group_id TEXT, is_filtered INTEGER DEFAULT 0)""",
                "CREATE TABLE chat_handle_join (chat_id INTEGER REFERENCES chat (ROWID) ON DELETE CASCADE, "
                        + "handle_id INTEGER REFERENCES handle (ROWID) ON DELETE CASCADE, UNIQUE(chat_id, handle_id))",
                "CREATE TABLE chat_message_join (chat_id INTEGER REFERENCES chat (ROWID) ON DELETE CASCADE, "
                        + "message_id INTEGER REFERENCES message (ROWID) ON DELETE CASCADE, message_date INTEGER DEFAULT 0, "
                        + "PRIMARY KEY (chat_id, message_id))",
                """
                CREATE TABLE attachment (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL,
                  created_date INTEGER DEFAULT 0, start_date INTEGER DEFAULT 0, filename TEXT, uti TEXT, mime_type TEXT,
                  transfer_state INTEGER DEFAULT 0, is_outgoing INTEGER DEFAULT 0, user_info BLOB, transfer_name TEXT,
                  total_bytes INTEGER DEFAULT 0, is_sticker INTEGER DEFAULT 0, sticker_user_info BLOB,
                  attribution_info BLOB, hide_attachment INTEGER DEFAULT 0, ck_sync_state INTEGER DEFAULT 0,
                  ck_server_change_token_blob BLOB, ck_record_id TEXT, original_guid TEXT UNIQUE NOT NULL,
                  sr_ck_sync_state INTEGER DEFAULT 0, sr_ck_server_change_token_blob BLOB, sr_ck_record_id TEXT,
                  is_commsafety_sensitive INTEGER DEFAULT 0)""",
                "CREATE TABLE message_attachment_join (message_id INTEGER REFERENCES message (ROWID) ON DELETE CASCADE, "
                        + "attachment_id INTEGER REFERENCES attachment (ROWID) ON DELETE CASCADE, UNIQUE(message_id, attachment_id))");
        return new SmsDatabase(db);
    }

    SmsDatabase handle(long rowid, String id, String service) throws Exception {
        db.insert("INSERT INTO handle (ROWID, id, country, service, uncanonicalized_id) VALUES (?, ?, 'es', ?, ?)",
                rowid, id, service, id);
        return this;
    }

    /** A chat with one handle. */
    SmsDatabase chat(long rowid, String identifier, String service, long handle) throws Exception {
        db.insert("INSERT INTO chat (ROWID, guid, style, state, chat_identifier, service_name) VALUES (?, ?, 45, 3, ?, ?)",
                rowid, service + ";-;" + identifier, identifier, service);
        db.insert("INSERT INTO chat_handle_join VALUES (?, ?)", rowid, handle);
        return this;
    }

    /** A message in a chat; {@code date} and {@code dateRead} are Mac absolute time as the phone stored them. */
    SmsDatabase message(long rowid, long chat, long handle, String text, String service, boolean fromMe, long date,
                        long dateRead) throws Exception {
        db.insert("INSERT INTO message (ROWID, guid, text, handle_id, service, account, account_guid, date, date_read, "
                        + "date_delivered, is_delivered, is_finished, is_from_me, is_read, is_sent, attributedBody) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?, ?)",
                rowid, "GUID-" + rowid, text, handle, service, "e:owner@example.com", "ACCOUNT-GUID", date, dateRead, date,
                fromMe ? 1 : 0, dateRead != 0 ? 1 : 0, fromMe ? 1 : 0, new byte[] {4, 11, 's', 't', 'r', 'e', 'a', 'm'});
        db.insert("INSERT INTO chat_message_join VALUES (?, ?, ?)", chat, rowid, date);
        return this;
    }

    /** An attachment of a message. */
    SmsDatabase attachment(long rowid, long message, String filename, String transferName, boolean outgoing,
                           long createdDate, byte[] userInfo) throws Exception {
        db.insert("INSERT INTO attachment (ROWID, guid, created_date, start_date, filename, uti, mime_type, transfer_state, "
                        + "is_outgoing, user_info, transfer_name, total_bytes, is_sticker, original_guid) "
                        + "VALUES (?, ?, ?, ?, ?, 'public.jpeg', 'image/jpeg', 5, ?, ?, ?, 48213, 0, ?)",
                rowid, "AT-GUID-" + rowid, createdDate, createdDate, filename, outgoing ? 1 : 0, userInfo, transferName,
                "AT-GUID-" + rowid);
        if (message > 0) db.insert("INSERT INTO message_attachment_join VALUES (?, ?)", message, rowid);
        return this;
    }

    @Override
    public void close() throws java.sql.SQLException {
        db.close();
    }
}
