package org.cotejo.forensics.android.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cotejo.forensics.android.backup.AndroidBackups;
import org.cotejo.forensics.android.backup.AndroidCorpus;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;

/** The corpus' SMS and MMS backups, read from every form the corpus holds them in (skipped without COTEJO_CORPUS). */
class AndroidSmsCorpusTest {
    static final String SMS_BODY = "Hi this is a test message to https://google.com/";
    static final String MMS_BODY = "Very suspicious MMS, click on this link http://google.com";
    static final PasswordSource PASSWORD = PasswordSource.of(AndroidCorpus.PASSWORD.toCharArray());

    static List<Record> messages(Extraction x) throws Exception {
        ModuleHarness.Result result = ModuleHarness.run(x, "AndroidSMS");
        assertThat(result.problems()).isEmpty();
        return result.of("android_sms");
    }

    @Test
    void extractedFolderHoldsOneSmsAndOneMmsWithTheirLinks() throws Exception {
        List<Record> records = messages(AndroidBackups.open(AndroidCorpus.artifact("android_backup"), PasswordSource.none()));
        assertSmsAndMms(records);
    }

    @Test
    void plainBackupsHoldTheSameMessages() throws Exception {
        assertSmsAndMms(messages(AndroidBackups.open(AndroidCorpus.artifact("android_backup/backup.ab"), PasswordSource.none())));
        assertSmsAndMms(messages(AndroidBackups.open(AndroidCorpus.artifact("androidqf/backup.ab"), PasswordSource.none())));
        assertOneSms(messages(AndroidBackups.open(AndroidCorpus.artifact("android_backup/backup3.ab"), PasswordSource.none())));
    }

    @Test
    void encryptedBackupsHoldTheSms() throws Exception {
        assertOneSms(messages(AndroidBackups.open(AndroidCorpus.artifact("android_backup/backup2.ab"), PASSWORD)));
        assertOneSms(messages(AndroidBackups.open(AndroidCorpus.artifact("androidqf_encrypted/backup.ab"), PASSWORD)));
    }

    private static void assertSmsAndMms(List<Record> records) {
        assertThat(records).hasSize(2);
        assertSms(records.get(0));
        Record mms = records.get(1);
        assertThat(mms.provenance().file()).isEqualTo(AndroidSms.FOLDER + "000001_mms_backup");
        assertThat(mms.fields().string("body")).isEqualTo(MMS_BODY);
        assertThat(mms.fields().strings("links")).containsExactly("http://google.com");
        assertThat(mms.fields().string("isodate")).isEqualTo("2020-01-20 14:49:49.000000");
        assertThat(mms.fields().string("direction")).isEqualTo("received");
        assertThat(mms.observables()).extracting(o -> o.observable().value()).containsExactly("http://google.com/"); // normalised
        assertThat(mms.timeline()).extracting(e -> e.description())
                .containsExactly("MMS from +12345678: \"" + MMS_BODY + "\"");
    }

    private static void assertOneSms(List<Record> records) {
        assertThat(records).hasSize(1);
        assertSms(records.get(0));
    }

    private static void assertSms(Record sms) {
        assertThat(sms.provenance().file()).isEqualTo(AndroidSms.FOLDER + "000000_sms_backup");
        assertThat(sms.fields().string("address")).isEqualTo("06543219");
        assertThat(sms.fields().string("body")).isEqualTo(SMS_BODY);
        assertThat(sms.fields().strings("links")).containsExactly("https://google.com/");
        assertThat(sms.fields().string("isodate")).isEqualTo("2022-02-22 15:29:41.956000");
        assertThat(sms.fields().string("direction")).isEqualTo("sent"); // type 6: queued to be sent
        assertThat(sms.observables()).extracting(o -> o.observable().value()).containsExactly("https://google.com/");
        assertThat(sms.timeline()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2022-02-22T15:29:41.956Z"));
            assertThat(e.event()).isEqualTo("sms_sent");
            assertThat(e.deviceLocal()).isFalse();
        });
    }
}
