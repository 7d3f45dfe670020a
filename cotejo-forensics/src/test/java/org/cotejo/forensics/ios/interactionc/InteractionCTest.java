package org.cotejo.forensics.ios.interactionc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.ios.interactionc.InteractionDatabase.Schema;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionCTest {
    static final double T = 648_291_731; // 2021-07-18 09:02:11 UTC
    static final double DAY = 86_400;
    static final String CONTACTS_V2 = "private/var/mobile/Containers/Shared/AppGroup/2E4D1A62-5A7C-4D1B-9C8E-5B8C2B4F0A11/ContactsV2.sqlite";

    @TempDir Path root;

    private void whatsappContacts() throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(CONTACTS_V2))) {
            db.exec("CREATE TABLE ZWAADDRESSBOOKCONTACT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                    + "ZFULLNAME VARCHAR, ZLID VARCHAR, ZPHONENUMBER VARCHAR, ZWHATSAPPID VARCHAR)");
            db.insert("INSERT INTO ZWAADDRESSBOOKCONTACT VALUES (1, 2, 1, 'Lucía Pérez', '201234567890123@lid', "
                    + "'+34 600 111 222', '34600111222@s.whatsapp.net')");
        }
    }

    /** Two interactions: a WhatsApp group message from a LID sender, and an iMessage to an Apple ID. */
    private void twoInteractions(Schema schema) throws Exception {
        try (InteractionDatabase db = InteractionDatabase.create(root, schema)) {
            db.contact(1, null, "201234567890123@lid", "34600111222@s.whatsapp.net", T - 30 * DAY, T - 10 * DAY, T, 0)
                    .contact(2, "Soporte Apple", "mailto:Support.Team@example.net", null, T - DAY, 0, 0, 0)
                    .interaction(1, "net.whatsapp.WhatsApp", null, 0, 1L, "120363012345678901@g.us", T, T, T + 2 * DAY, "Periodistas")
                    .interaction(2, "com.apple.MobileSMS", "e:owner@example.com", 1, null, "iMessage;-;support.team@example.net",
                            T + 100, T + 160, T + 1900, null);
            if (schema.joins()) {
                db.attachment(1, 1, "Mira https://exploit.example.com/x").attachment(2, 2, "hola").recipient(2, 2);
            }
        }
    }

    @Test
    void readsTheNewestSchemaAndResolvesWhatsappSenders() throws Exception {
        whatsappContacts();
        twoInteractions(Schema.NEWEST);
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "InteractionC");

        assertThat(result.problems()).isEmpty();
        assertThat(result.records()).extracting(Record::module).startsWith("whatsapp_contacts");
        var interactions = result.of("interaction_c");
        assertThat(interactions).hasSize(2);

        Fields wa = interactions.get(0).fields();
        assertThat(wa.keys()).hasSize(41).contains("photo_local_id", "group_name", "derivied_intent_id").doesNotContain("mechanism");
        assertThat(wa.string("direction")).isEqualTo("INCOMING");
        assertThat(wa.string("start_date")).isEqualTo("2021-07-18 09:02:11.000000");
        assertThat(wa.string("last_incoming_recipient_date")).isEqualTo("0");
        assertThat(wa.string("attachment_id")).isEqualTo("AB01");
        assertThat(wa.string("sender_resolved_phone_number")).isEqualTo("+34600111222");
        assertThat(wa.string("sender_resolved_name")).isEqualTo("Lucía Pérez");
        assertThat(wa.has("domain_resolved_phone_number")).isFalse();
        Record waRecord = interactions.get(0);
        String data = "[net.whatsapp.WhatsApp] INCOMING from Lucía Pérez (+34600111222) to 120363012345678901@g.us "
                + "(group: Periodistas): Mira https://exploit.example.com/x";
        assertThat(waRecord.timeline()).extracting(TimelineEvent::event).containsExactly("start_date", "interactions_creation_date",
                "contacts_creation_date", "first_incoming_sender_date", "last_incoming_sender_date");
        assertThat(waRecord.timeline().get(0).description()).isEqualTo(data);
        assertThat(waRecord.timeline().get(1).description()).isEqualTo("Interaction record created 2 days after the event: " + data);
        assertThat(waRecord.timeline().get(2).description())
                .isEqualTo("[net.whatsapp.WhatsApp] Contact Lucía Pérez (+34600111222) first recorded in interactionC");
        assertThat(waRecord.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.URL);
            assertThat(o.observable().raw()).isEqualTo("https://exploit.example.com/x");
        });
        assertThat(waRecord.provenance().locator()).isEqualTo("ZINTERACTIONS Z_PK 1, ZATTACHMENT Z_PK 1");

        Record imessage = interactions.get(1);
        assertThat(imessage.fields().string("direction")).isEqualTo("OUTGOING");
        assertThat(imessage.timeline()).extracting(TimelineEvent::event).containsExactly("start_date", "end_date");
        assertThat(imessage.timeline().get(0).description()).isEqualTo("[com.apple.MobileSMS] e:owner@example.com OUTGOING "
                + "from local user to Soporte Apple (mailto:Support.Team@example.net): hola");
        assertThat(imessage.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.EMAIL);
            assertThat(o.observable().value()).isEqualTo("support.team@example.net");
            assertThat(o.field()).isEqualTo("recipient_identifier");
        });
        assertThat(imessage.provenance().locator()).isEqualTo("ZINTERACTIONS Z_PK 2, ZATTACHMENT Z_PK 2, recipient ZCONTACTS Z_PK 2");
    }

    @Test
    void readsIos12SchemaWithoutPhotoGroupAndIntentColumnsAndResolvesPhoneJids() throws Exception {
        twoInteractions(Schema.NO_PHOTO_GROUP_INTENT);
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "InteractionC");

        assertThat(result.problems()).isEmpty();
        Fields wa = result.of("interaction_c").get(0).fields();
        // 36 columns, and the sender resolved from its custom id (a phone JID) without WhatsappContacts records.
        assertThat(wa.keys()).hasSize(38).doesNotContain("photo_local_id", "group_name", "derivied_intent_id");
        assertThat(wa.string("content")).isEqualTo("Mira https://exploit.example.com/x");
        assertThat(wa.string("sender_resolved_phone_number")).isEqualTo("+34600111222");
        assertThat(wa.get("sender_resolved_name")).isNull();
    }

    @Test
    void readsIos11SchemaWithoutAttachmentsAndMapsTheRawDirection() throws Exception {
        twoInteractions(Schema.SENDER_ONLY);
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "InteractionC");

        assertThat(result.problems()).isEmpty();
        Fields imessage = result.of("interaction_c").get(1).fields();
        assertThat(imessage.keys()).hasSize(27).contains("mechanism", "recipient_count", "custom_id").doesNotContain("content");
        assertThat(imessage.string("direction")).isEqualTo("OUTGOING");
        assertThat(imessage.longValue("mechanism")).isEqualTo(4L);
        assertThat(result.of("interaction_c").get(1).provenance().locator()).isEqualTo("ZINTERACTIONS Z_PK 2");
    }

    @Test
    void readsIos10SchemaWithoutRecipientCountAndCustomId() throws Exception {
        twoInteractions(Schema.OLDEST);
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "InteractionC");

        assertThat(result.problems()).isEmpty();
        Fields wa = result.of("interaction_c").get(0).fields();
        assertThat(wa.keys()).hasSize(25).doesNotContain("recipient_count", "custom_id");
        assertThat(wa.string("direction")).isEqualTo("INCOMING");
    }

    @Test
    void aDatabaseOfNoKnownSchemaIsAProblem() throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(InteractionDatabase.PATH))) {
            db.exec("CREATE TABLE ZKEYWORDS (Z_PK INTEGER PRIMARY KEY, ZKEYWORD VARCHAR)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "InteractionC");

        assertThat(result.of("interaction_c")).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.fatal()).isFalse();
            assertThat(p.message()).startsWith("none of the 4 known interactionC schemas fits this database");
        });
    }

    @Test
    void recordsLoadedFromMvtJsonGiveTheSameTimeline() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start_date", "2021-07-18 09:02:11.000000");
        m.put("end_date", "2021-07-18 09:02:11.000000");
        m.put("bundle_id", "com.apple.MobileSMS");
        m.put("direction", "INCOMING");
        m.put("sender_display_name", "+34 600 111 222");
        m.put("sender_identifier", "+34600111222");
        m.put("content", "hi");
        m.put("interactions_creation_date", "2021-07-18 04:02:11.000000");
        Record r = Records.of(new InteractionC(), Fields.of(m), new Provenance("interaction_c.json", null, "0".repeat(64), "[0]"));

        assertThat(r.timeline()).extracting(TimelineEvent::time).containsExactly(
                Instant.parse("2021-07-18T09:02:11Z"), Instant.parse("2021-07-18T04:02:11Z"));
        assertThat(r.timeline().get(1).description()).isEqualTo(
                "Interaction record created 5 hours before the event: [com.apple.MobileSMS] INCOMING from +34600111222 to local user: hi");
        assertThat(r.observables()).isEmpty();
    }

    @Test
    void findsItsFileByTheBackupIdMvtUses() {
        assertThat(InteractionC.INTERACTION_DB.fileId()).isEqualTo("1f5a521220a3ad80ebfdc196978df8e7a2e49dee");
        assertThat(new InteractionC().slug()).isEqualTo("interaction_c");
    }
}
