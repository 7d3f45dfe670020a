package org.cotejo.forensics.ios.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatsappTest {
    static final double T = 648_291_731; // 2021-07-18 09:02:11 UTC

    @TempDir Path root;

    private List<Record> messages(ModuleHarness.Result result) {
        return result.of("whatsapp").stream().filter(r -> !r.fields().has("record_type")).toList();
    }

    private List<Record> ofType(ModuleHarness.Result result, String type) {
        return result.of("whatsapp").stream().filter(r -> type.equals(r.fields().string("record_type"))).toList();
    }

    @Test
    void keepsMessagesWithLinksWithoutMediaCdnLinks() throws Exception {
        try (ChatStorage db = ChatStorage.create(root, false)) {
            db.session(1, "34600111222@s.whatsapp.net", "Lucía", 0, T + 40, null)
                    .message(1, 1, T, "34600111222@s.whatsapp.net", "Mira esto https://exploit.example.com/a?b=1")
                    .message(2, 1, T + 10, null, "hola, ¿qué tal?")
                    .message(3, 1, T + 20, "34600111222@s.whatsapp.net", null)
                    .media(1, 3, "https://mmg.whatsapp.net/v/t62.7118-24/1234.enc?ccb=11-4")
                    .message(4, 1, T + 30, "34600111222@s.whatsapp.net", "noticia https://news.example.org/story")
                    .preview(1, 4, "https://news.example.org/story", "Story title");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Whatsapp");

        assertThat(result.problems()).isEmpty();
        assertThat(messages(result)).extracting(r -> r.fields().longValue("Z_PK")).containsExactly(1L, 3L, 4L);
        Record link = messages(result).get(0);
        assertThat(link.fields().string("isodate")).isEqualTo("2021-07-18 09:02:11.000000");
        assertThat(link.fields().strings("links")).containsExactly("https://exploit.example.com/a?b=1");
        assertThat(link.fields().string("ZMETADATA")).isEqualTo("KgIIAQ==");
        assertThat(link.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.URL);
            assertThat(o.trace()).isEqualTo(TraceClass.DELIVERY);
        });
        assertThat(link.timeline()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("message");
            assertThat(e.description()).isEqualTo("'Mira esto https://exploit.example.com/a?b=1' from 34600111222@s.whatsapp.net"
                    + " - Embedded links: https://exploit.example.com/a?b=1");
        });
        assertThat(link.provenance().locator()).isEqualTo("ZWAMESSAGE Z_PK 1");

        Record media = messages(result).get(1);
        assertThat(media.fields().string("ZTEXT")).isEmpty();
        assertThat(media.fields().strings("links")).isEmpty();
        assertThat(media.observables()).isEmpty();

        Record preview = messages(result).get(2);
        assertThat(preview.fields().strings("links")).containsExactly("https://news.example.org/story");
        assertThat(preview.fields().string("ZTITLE")).isEqualTo("Story title");
    }

    @Test
    void resolvesLidChatsWithThePairsOfLidDatabase() throws Exception {
        try (ChatStorage db = ChatStorage.create(root, true)) {
            db.lidPair(1, "999888777@lid", "+10000000000", T) // ignored: LID.sqlite is there
                    .session(1, "201234567890123@lid", null, 0, T + 100, null)
                    .session(2, "120363012345678901@g.us", "Periodistas", 1, T + 200, 1L)
                    .group(1, 2, T - 86_400, "34600111222@s.whatsapp.net")
                    .message(1, 1, T + 50, "201234567890123@lid", "hola")
                    .message(2, 1, T + 60, null, "adiós");
        }
        try (Sqlite lid = ChatStorage.LidDatabase.create(root)) {
            ChatStorage.LidDatabase.pair(lid, 1, "201234567890123@lid", "+34 600 111 222", T - 10);
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Whatsapp");

        assertThat(result.problems()).isEmpty();
        assertThat(ofType(result, "lid_phone_number_pair")).singleElement().satisfies(r -> {
            assertThat(r.fields().string("lid")).isEqualTo("201234567890123@lid");
            assertThat(r.fields().string("pair_timestamp")).isEqualTo("2021-07-18 09:02:01.000000");
            assertThat(r.provenance().file()).isEqualTo(ChatStorage.FOLDER + "LID.sqlite");
            assertThat(r.timeline()).extracting(TimelineEvent::description)
                    .containsExactly("WhatsApp associated LID 201234567890123@lid with phone number +34 600 111 222");
        });
        List<Record> sessions = ofType(result, "chat_session");
        assertThat(sessions).hasSize(2);
        Record chat = sessions.get(0);
        assertThat(chat.fields().string("partner_resolved_phone_number")).isEqualTo("+34600111222");
        assertThat(chat.fields().longValue("stored_message_count")).isEqualTo(2L);
        assertThat(chat.fields().string("first_stored_message_date")).isEqualTo("2021-07-18 09:03:01.000000");
        assertThat(chat.fields().string("last_stored_message_date")).isEqualTo("2021-07-18 09:03:11.000000");
        assertThat(chat.fields().get("group_creation_date")).isNull();
        assertThat(chat.timeline()).extracting(TimelineEvent::event).containsExactly("chat_first_message", "chat_last_message");
        assertThat(chat.timeline().get(1).time()).isEqualTo(Instant.parse("2021-07-18T09:03:51Z"));
        assertThat(chat.timeline().get(0).description()).isEqualTo("WhatsApp chat with '' (+34600111222)");

        Record group = sessions.get(1);
        assertThat(group.fields().longValue("stored_message_count")).isEqualTo(0L);
        assertThat(group.fields().get("first_stored_message_date")).isNull();
        assertThat(group.timeline()).extracting(TimelineEvent::event).containsExactly("group_created", "chat_last_message");
        assertThat(group.timeline().get(0).description()).isEqualTo("WhatsApp group chat 'Periodistas' (120363012345678901@g.us)");
        assertThat(group.timeline().get(0).time()).isEqualTo(Instant.parse("2021-07-17T09:02:11Z"));
    }

    @Test
    void withoutLidDatabaseReadsThePairsOfChatStorage() throws Exception {
        try (ChatStorage db = ChatStorage.create(root, true)) {
            db.lidPair(1, "201234567890123@lid", "+34600111222", T).session(1, "201234567890123@lid", "L", 0, T, null);
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Whatsapp");

        assertThat(ofType(result, "lid_phone_number_pair")).singleElement()
                .satisfies(r -> assertThat(r.provenance().file()).endsWith("ChatStorage.sqlite"));
        assertThat(ofType(result, "chat_session").get(0).fields().string("partner_resolved_phone_number")).isEqualTo("+34600111222");
    }

    @Test
    void anUnreadableLidDatabaseIsAProblemAndChatStoragePairsAreUsed() throws Exception {
        try (ChatStorage db = ChatStorage.create(root, true)) {
            db.lidPair(1, "201234567890123@lid", "+34600111222", T).session(1, "201234567890123@lid", "L", 0, T, null);
        }
        java.nio.file.Files.write(root.resolve(ChatStorage.FOLDER + "LID.sqlite"), new byte[] {'n', 'o', 't', ' ', 's', 'q', 'l'});
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Whatsapp");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("LID.sqlite");
            assertThat(p.fatal()).isFalse();
            assertThat(p.message()).contains("not a SQLite database").endsWith("LID pairs read from ChatStorage.sqlite instead");
        });
        assertThat(ofType(result, "chat_session").get(0).fields().string("partner_resolved_phone_number")).isEqualTo("+34600111222");
    }

    @Test
    void aChatStorageWithoutMessagesTableIsAProblem() throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(ChatStorage.FOLDER + "ChatStorage.sqlite"))) {
            db.exec("CREATE TABLE Z_METADATA (Z_VERSION INTEGER PRIMARY KEY, Z_UUID VARCHAR(255), Z_PLIST BLOB)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Whatsapp");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).extracting(p -> p.message()).containsExactly("no ZWAMESSAGE table; WhatsApp messages skipped");
    }

    @Test
    void findsItsFilesByTheBackupIdsMvtUses() {
        assertThat(Whatsapp.CHAT_STORAGE.fileId()).isEqualTo("7c7fba66680ef796b916b067077cc246adacf01d");
        assertThat(Whatsapp.LID_DB.fileId()).isEqualTo("e794f6ffcc3c222535f47684a63d5178da3c4500");
        assertThat(new Whatsapp().slug()).isEqualTo("whatsapp");
    }
}
