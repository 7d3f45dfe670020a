package org.cotejo.forensics.ios.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatsappContactsTest {
    static final String PATH = ChatStorage.FOLDER + "ContactsV2.sqlite";
    static final double T = WhatsappTest.T;

    @TempDir Path root;

    /** ContactsV2.sqlite of a recent WhatsApp (LIDs, usernames, disappearing mode). */
    static void recentContacts(Path root) throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(PATH))) {
            db.exec("""
                    CREATE TABLE ZWAADDRESSBOOKCONTACT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER,
                      ZDISAPPEARINGMODEDURATION INTEGER, ZPHONENUMBERSTATUS INTEGER, ZSYNCPOLICY INTEGER,
                      ZABOUTTIMESTAMP TIMESTAMP, ZDISAPPEARINGMODETIMESTAMP TIMESTAMP, ZLASTUPDATED TIMESTAMP,
                      ZABOUTTEXT VARCHAR, ZBUSINESSNAME VARCHAR, ZFULLNAME VARCHAR, ZGIVENNAME VARCHAR, ZHIGHLIGHTEDNAME VARCHAR,
                      ZIDENTIFIER VARCHAR, ZLASTNAME VARCHAR, ZLID VARCHAR, ZLOCALIZEDPHONENUMBER VARCHAR, ZPHONENUMBER VARCHAR,
                      ZPHONENUMBERLABEL VARCHAR, ZUSERNAME VARCHAR, ZWHATSAPPID VARCHAR)""");
            db.insert("INSERT INTO ZWAADDRESSBOOKCONTACT (Z_PK, Z_ENT, Z_OPT, ZDISAPPEARINGMODEDURATION, ZPHONENUMBERSTATUS, "
                    + "ZSYNCPOLICY, ZABOUTTIMESTAMP, ZDISAPPEARINGMODETIMESTAMP, ZLASTUPDATED, ZABOUTTEXT, ZFULLNAME, ZGIVENNAME, "
                    + "ZLASTNAME, ZLID, ZLOCALIZEDPHONENUMBER, ZPHONENUMBER, ZWHATSAPPID) "
                    + "VALUES (1, 2, 1, 604800, 1, 0, ?, ?, ?, 'Disponible', 'Lucía Pérez', 'Lucía', 'Pérez', "
                    + "'201234567890123@lid', '+34 600 11 12 22', '+34600111222', '34600111222@s.whatsapp.net')",
                    T - 3600, T - 60, T);
            db.insert("INSERT INTO ZWAADDRESSBOOKCONTACT (Z_PK, Z_ENT, Z_OPT, ZDISAPPEARINGMODEDURATION, ZFULLNAME, ZPHONENUMBER, "
                    + "ZWHATSAPPID) VALUES (2, 2, 1, 12345, 'Ana', '+34611000000', '34611000000@s.whatsapp.net')");
            db.insert("INSERT INTO ZWAADDRESSBOOKCONTACT (Z_PK, Z_ENT, Z_OPT, ZFULLNAME, ZPHONENUMBER, ZWHATSAPPID) "
                    + "VALUES (3, 2, 1, 'Juan', '+34622000000', '34622000000@s.whatsapp.net')");
        }
    }

    @Test
    void readsContactsWithTheirDisappearingModeInWords() throws Exception {
        recentContacts(root);
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "WhatsappContacts");

        assertThat(result.problems()).isEmpty();
        var contacts = result.of("whatsapp_contacts");
        assertThat(contacts).hasSize(3);
        Record lucia = contacts.get(0);
        assertThat(lucia.fields().keys()).containsExactly("whatsapp_id", "lid", "phone_number", "localized_phone_number",
                "full_name", "given_name", "last_name", "user_name", "business_name", "about_text",
                "disappearing_mode_duration", "disappearing_mode_timestamp", "about_timestamp", "last_updated",
                "phone_status", "sync_policy", "row_pk", "disappearing_mode_is_on", "disappearing_mode_label");
        assertThat(lucia.fields().string("lid")).isEqualTo("201234567890123@lid");
        assertThat(lucia.fields().string("last_updated")).isEqualTo("2021-07-18 09:02:11.000000");
        assertThat(lucia.fields().longValue("phone_status")).isEqualTo(1L);
        assertThat(lucia.fields().get("disappearing_mode_is_on")).isEqualTo(true);
        assertThat(lucia.fields().string("disappearing_mode_label")).isEqualTo("7 days");
        assertThat(lucia.observables()).isEmpty();
        assertThat(lucia.timeline()).extracting(TimelineEvent::event)
                .containsExactly("disappearing_mode_set", "about_changed", "contact_last_updated");
        assertThat(lucia.timeline().get(1).description())
                .isEqualTo("WhatsApp contact Lucía Pérez (+34600111222) changed their about text to 'Disponible'");
        assertThat(lucia.provenance().locator()).isEqualTo("ZWAADDRESSBOOKCONTACT Z_PK 1");

        assertThat(contacts.get(1).fields().string("disappearing_mode_label")).isEqualTo("12345 seconds");
        assertThat(contacts.get(2).fields().string("disappearing_mode_label")).isEqualTo("off");
        assertThat(contacts.get(2).fields().get("disappearing_mode_is_on")).isEqualTo(false);
        assertThat(contacts.get(2).fields().get("last_updated")).isNull();
    }

    @Test
    void anOlderSchemaWithoutDisappearingModeGivesNullsForIt() throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(PATH))) {
            db.exec("CREATE TABLE ZWAADDRESSBOOKCONTACT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                    + "ZPHONESTATUS INTEGER, ZFULLNAME VARCHAR, ZPHONENUMBER VARCHAR, ZWHATSAPPID VARCHAR)");
            db.insert("INSERT INTO ZWAADDRESSBOOKCONTACT VALUES (1, 2, 1, 3, 'Ana', '+34611000000', '34611000000@s.whatsapp.net')");
        }
        Record ana = ModuleHarness.run(ModuleHarness.fsDump(root), "WhatsappContacts").of("whatsapp_contacts").get(0);

        assertThat(ana.fields().keys()).containsExactly("whatsapp_id", "phone_number", "full_name", "phone_status", "row_pk",
                "disappearing_mode_duration", "disappearing_mode_is_on", "disappearing_mode_label");
        assertThat(ana.fields().longValue("phone_status")).isEqualTo(3L);
        assertThat(ana.fields().get("disappearing_mode_label")).isNull();
        assertThat(ana.timeline()).isEmpty();
    }

    @Test
    void aDatabaseWithoutContactTableIsAProblem() throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(PATH))) {
            db.exec("CREATE TABLE ZWAPROFILEPUSHNAME (Z_PK INTEGER PRIMARY KEY, ZJID VARCHAR, ZPUSHNAME VARCHAR)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "WhatsappContacts");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).extracting(p -> p.message())
                .containsExactly("no ZWAADDRESSBOOKCONTACT table; not a WhatsApp ContactsV2.sqlite, skipped");
    }

    @Test
    void findsItsFileByTheBackupIdMvtUses() {
        assertThat(WhatsappContacts.CONTACTS_DB.fileId()).isEqualTo("b8548dc30aa1030df0ce18ef08b882cf7ab5212f");
        assertThat(new WhatsappContacts().slug()).isEqualTo("whatsapp_contacts");
    }
}
