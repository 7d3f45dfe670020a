package org.cotejo.forensics.ios.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsAttachmentsTest {
    @TempDir Path root;

    @Test
    void readsAttachmentsWithTheirSenderPathAndHomeExpansion() throws Exception {
        try (SmsDatabase db = SmsDatabase.create(root)) {
            db.handle(1, "+34600111222", "iMessage").chat(1, "+34600111222", "iMessage", 1)
                    .message(1, 1, 1, "\uFFFC", "iMessage", false, SmsTest.NANOS_DATE, 0)
                    .attachment(1, 1, "~/Library/SMS/Attachments/0a/10/AT-GUID-1/IMG_0042.jpeg", "IMG_0042.jpeg", false,
                            SmsTest.NANOS_DATE, new byte[] {'b', 'p', 'l', 'i', 's', 't'});
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "SMSAttachments");

        assertThat(result.problems()).isEmpty();
        Record r = result.of("sms_attachments").get(0);
        Fields f = r.fields();
        assertThat(f.longValue("attachment_id")).isEqualTo(1L);
        assertThat(f.string("phone_number")).isEqualTo("+34600111222");
        assertThat(f.string("service")).isEqualTo("iMessage");
        assertThat(f.string("direction")).isEqualTo("received");
        assertThat(f.string("isodate")).isEqualTo("2021-07-18 09:02:11.123456");
        assertThat(f.string("start_date")).isEqualTo("2021-07-18 09:02:11.123456");
        assertThat(f.string("user_info")).isEqualTo("YnBsaXN0");
        assertThat(f.get("has_user_info")).isEqualTo(true);
        assertThat(r.observables()).allSatisfy(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.FILE_PATH);
            assertThat(o.trace()).isEqualTo(TraceClass.DELIVERY);
        }).extracting(o -> o.observable().value()).containsExactly(
                "~/Library/SMS/Attachments/0a/10/AT-GUID-1/IMG_0042.jpeg",
                "/private/var/mobile/Library/SMS/Attachments/0a/10/AT-GUID-1/IMG_0042.jpeg");
        assertThat(r.timeline()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("sms_attachment");
            assertThat(e.time()).isEqualTo(Instant.parse("2021-07-18T09:02:11.123456Z"));
            assertThat(e.description()).isEqualTo("iMessage: Attachment 'IMG_0042.jpeg' received from +34600111222 "
                    + "with 48213 bytes (is_sticker: 0, has_user_info: True)");
        });
        assertThat(r.provenance().locator()).isEqualTo("attachment ROWID 1");
    }

    @Test
    void anAttachmentWithoutMessageOrPathKeepsMvtDefaults() throws Exception {
        try (SmsDatabase db = SmsDatabase.create(root)) {
            db.attachment(7, 0, null, "orphan.heic", true, SmsTest.SECONDS_DATE, null);
        }
        Record r = ModuleHarness.run(ModuleHarness.fsDump(root), "SMSAttachments").of("sms_attachments").get(0);

        assertThat(r.fields().string("service")).isEqualTo("Unknown");
        assertThat(r.fields().string("filename")).isEqualTo("NULL");
        assertThat(r.fields().string("direction")).isEqualTo("sent");
        assertThat(r.fields().get("has_user_info")).isEqualTo(false);
        assertThat(r.fields().get("phone_number")).isNull();
        assertThat(r.observables()).isEmpty();
        assertThat(r.timeline()).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(Instant.parse("2013-09-04T15:06:40Z")));
    }

    @Test
    void aDatabaseWithoutAttachmentTableIsAProblem() throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(SmsDatabase.PATH))) {
            db.exec("CREATE TABLE message (ROWID INTEGER PRIMARY KEY, text TEXT)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "SMSAttachments");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).extracting(p -> p.message()).containsExactly("no attachment table; not an sms.db with attachments, skipped");
    }

    @Test
    void readsTheSmsDatabaseOnceForEachModule() throws Exception {
        try (SmsDatabase db = SmsDatabase.create(root)) {
            db.handle(1, "+34600111222", "SMS").chat(1, "+34600111222", "SMS", 1)
                    .message(1, 1, 1, "photo", "SMS", false, SmsTest.NANOS_DATE, 0)
                    .attachment(1, 1, "/var/tmp/com.apple.messages/x-1", "x-1", false, SmsTest.NANOS_DATE, null);
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "SMS", "SMSAttachments");

        assertThat(result.records()).extracting(Record::module).containsExactly("sms", "sms_attachments");
        assertThat(List.of(result.of("sms_attachments").get(0).fields().string("filename"))).containsExactly("/var/tmp/com.apple.messages/x-1");
    }

    @Test
    void findsItsFileByTheBackupIdMvtUses() {
        assertThat(SmsAttachments.SMS_DB.fileId()).isEqualTo("3d0d7e5fb2ce288813306e4d4636395e047a3d28");
        assertThat(new SmsAttachments().slug()).isEqualTo("sms_attachments");
    }
}
