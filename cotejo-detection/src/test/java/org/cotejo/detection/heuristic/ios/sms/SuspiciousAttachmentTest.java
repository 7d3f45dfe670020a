package org.cotejo.detection.heuristic.ios.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.ios.sms.SmsAttachments;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.junit.jupiter.api.Test;

class SuspiciousAttachmentTest {
    private static List<Alert> inspect(String filename, String direction) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attachment_id", 12);
        m.put("filename", filename);
        m.put("direction", direction);
        m.put("isodate", "2021-07-18 09:02:11.000000");
        m.put("phone_number", "attacker@example.net");
        var record = Records.of(new SmsAttachments(), Fields.of(m),
                new Provenance("private/var/mobile/Library/SMS/sms.db", null, "0".repeat(64), "attachment ROWID 12"));
        List<Alert> alerts = new ArrayList<>();
        new SuspiciousAttachment().start(new HeuristicContext(null, ModuleOptions.DEFAULT, false)).inspect(record, alerts::add);
        return alerts;
    }

    @Test
    void flagsReceivedAttachmentInTheTemporaryFolderEndingInMinusOne() {
        List<Alert> alerts = inspect("/private/var/tmp/com.apple.messages/B2F7E4C1-0A3D-4E6F-9C8B-7D6A5E4F3B2A-1", "received");

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.heuristic()).isEqualTo("sms.suspicious-attachment");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2021-07-18T09:02:11Z"));
            assertThat(a.message()).startsWith("Suspicious iMessage attachment /private/var/tmp/com.apple.messages/"
                    + "B2F7E4C1-0A3D-4E6F-9C8B-7D6A5E4F3B2A-1 on 2021-07-18 09:02:11.000000: received from attacker@example.net");
        });
    }

    @Test
    void readsEveryFormOfTheTemporaryFolders() {
        assertThat(inspect("/var/tmp/x-1", "received")).hasSize(1);
        assertThat(inspect("~/tmp/x-1", "received")).hasSize(1);
        assertThat(inspect("/private/var/mobile/tmp/x-1", "received")).hasSize(1);
    }

    @Test
    void ignoresSentAttachmentsNormalFoldersAndOtherNames() {
        assertThat(inspect("/var/tmp/x-1", "sent")).isEmpty();
        assertThat(inspect("~/Library/SMS/Attachments/0a/10/GUID/IMG_0001-1", "received")).isEmpty();
        assertThat(inspect("/var/tmp/x-12", "received")).isEmpty();
        assertThat(inspect("/var/tmpfoo/x-1", "received")).isEmpty();
        assertThat(inspect("NULL", "received")).isEmpty();
    }
}
