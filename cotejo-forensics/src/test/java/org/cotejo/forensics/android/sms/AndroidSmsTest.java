package org.cotejo.forensics.android.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.DeflaterOutputStream;
import org.cotejo.core.Hashing;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.android.backup.AndroidBackupWriter;
import org.cotejo.forensics.android.backup.AndroidBackups;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AndroidSmsTest {
    static final String SMS_FILE = "apps/com.android.providers.telephony/d_f/000000_sms_backup";
    static final String MMS_FILE = "apps/com.android.providers.telephony/d_f/000001_mms_backup";
    /** 2022-02-22 15:29:41.956 UTC in milliseconds, as the telephony provider stores SMS dates. */
    static final String SMS_DATE = "1645543781956";

    @TempDir Path dir;

    ModuleHarness.Result run(AndroidBackupWriter backup) throws Exception {
        return ModuleHarness.run(AndroidBackups.open(backup.write(dir.resolve("backup.ab")), PasswordSource.none()), "AndroidSMS");
    }

    @Test
    void readsAReceivedSmsWithItsLinkAndTrueUtcTime() throws Exception {
        byte[] file = zlib("[{\"address\":\"+34600111222\",\"body\":\"Your parcel: https://parcel-track.example.org/x?id=7 now\","
                + "\"date\":\"" + SMS_DATE + "\",\"date_sent\":\"1645543780000\",\"type\":\"1\",\"read\":\"1\"}]");
        var result = run(AndroidBackupWriter.backup().file(SMS_FILE, file));

        assertThat(result.problems()).isEmpty();
        Record r = result.of("android_sms").get(0);
        Fields f = r.fields();
        assertThat(f.string("address")).isEqualTo("+34600111222");
        assertThat(f.string("isodate")).isEqualTo("2022-02-22 15:29:41.956000");
        assertThat(f.string("direction")).isEqualTo("received"); // type 1 (inbox), though date_sent is set
        assertThat(f.strings("links")).containsExactly("https://parcel-track.example.org/x?id=7");
        assertThat(r.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.URL);
            assertThat(o.field()).isEqualTo("links[0]");
            assertThat(o.trace()).isEqualTo(TraceClass.DELIVERY);
        });
        assertThat(r.timeline()).containsExactly(new TimelineEvent(Instant.parse("2022-02-22T15:29:41.956Z"), "android_sms", "sms_received",
                "SMS from +34600111222: \"Your parcel: https://parcel-track.example.org/x?id=7 now\"", false));
        assertThat(r.provenance().file()).isEqualTo(SMS_FILE);
        assertThat(r.provenance().locator()).isEqualTo("JSON array element 0");
        assertThat(r.provenance().sha256()).isEqualTo(Hashing.sha256(file));
    }

    @Test
    void readsAnMmsWithItsBodyRenamedAndItsDateInSeconds() throws Exception {
        var result = run(AndroidBackupWriter.backup().file(MMS_FILE, zlib("[{\"date\": \"1579531789\", \"date_sent\": \"1579531786\", "
                + "\"m_type\": \"132\", \"msg_box\": \"1\", \"recipients\": [\"+12345678\"], \"mms_addresses\": [{\"type\": 137, "
                + "\"address\": \"+12345678\", \"charset\": 106}, {\"type\": 151, \"address\": \"+23456789\", \"charset\": 106}], "
                + "\"mms_body\": \"Very suspicious MMS, click on this link http://google.com\", \"mms_charset\": 106}]")));

        Record r = result.of("android_sms").get(0);
        assertThat(r.fields().has("mms_body")).isFalse();
        assertThat(r.fields().string("body")).isEqualTo("Very suspicious MMS, click on this link http://google.com");
        assertThat(r.fields().keys()).startsWith("date", "date_sent", "m_type", "msg_box", "recipients", "mms_addresses", "body");
        assertThat(r.fields().string("isodate")).isEqualTo("2020-01-20 14:49:49.000000");
        assertThat(r.fields().string("direction")).isEqualTo("received"); // msg_box 1 (inbox)
        assertThat(r.fields().strings("links")).containsExactly("http://google.com");
        assertThat(r.timeline()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2020-01-20T14:49:49Z"));
            assertThat(e.description()).isEqualTo("MMS from +12345678: \"Very suspicious MMS, click on this link http://google.com\"");
        });
    }

    @Test
    void outgoingMessagesAreSentWhateverTheirSendDate() throws Exception {
        var result = run(AndroidBackupWriter.backup().file(SMS_FILE, zlib("[{\"address\":\"06543219\",\"body\":\"queued\",\"date\":\""
                + SMS_DATE + "\",\"date_sent\":\"0\",\"type\":\"6\"},{\"address\":\"06543219\",\"body\":\"draft\",\"date\":\"" + SMS_DATE
                + "\",\"type\":\"3\"},{\"address\":\"06543219\",\"body\":\"no box\",\"date\":\"" + SMS_DATE + "\",\"date_sent\":\"5\"}]")));

        assertThat(result.of("android_sms")).extracting(r -> r.fields().string("direction")).containsExactly("sent", "draft", "sent");
        assertThat(result.of("android_sms")).extracting(r -> r.timeline().get(0).event()).containsExactly("sms_sent", "sms_draft", "sms_sent");
        assertThat(result.of("android_sms").get(0).timeline().get(0).description()).isEqualTo("SMS to 06543219: \"queued\"");
        assertThat(result.of("android_sms").get(0).observables()).isEmpty();
    }

    @Test
    void aDateNoClockCanHoldGivesNoTimeAndNoTimelineEvent() throws Exception {
        var result = run(AndroidBackupWriter.backup().file(MMS_FILE,
                zlib("[{\"mms_body\":\"odd\",\"date\":\"9223372036854775807\",\"msg_box\":\"1\"}]")));
        assertThat(result.problems()).isEmpty();
        assertThat(result.of("android_sms")).singleElement().satisfies(r -> {
            assertThat(r.fields().string("isodate")).isEmpty();
            assertThat(r.timeline()).isEmpty();
        });
    }

    @Test
    void anEmailSenderIsAnObservable() throws Exception {
        var result = run(AndroidBackupWriter.backup().file(SMS_FILE,
                zlib("[{\"address\":\"Operator@Example.net\",\"body\":\"hello\",\"date\":\"" + SMS_DATE + "\",\"type\":\"1\"}]")));
        assertThat(result.of("android_sms").get(0).observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.EMAIL);
            assertThat(o.field()).isEqualTo("address");
        });
    }

    @Test
    void recordsReadBackWithoutLinksStillYieldTheLinksInTheirBody() {
        Fields fromMvt = Fields.builder().put("body", "see https://evil.example.com/a").put("links", null).build();
        assertThat(new AndroidSms().observe(fromMvt)).extracting(o -> o.observable().type()).containsExactly(ObservableType.URL);
    }

    @Test
    void aCutShortFileIsReportedAndTheOtherStillRead() throws Exception {
        StringBuilder noise = new StringBuilder(); // text that does not compress, so half the file is far into message 2
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 40_000; i++) noise.append((char) ('a' + random.nextInt(26)));
        byte[] sms = zlib("[{\"body\":\"first\",\"date\":\"" + SMS_DATE + "\",\"type\":\"1\"},{\"body\":\"" + noise + "\"}]");
        var result = run(AndroidBackupWriter.backup().file(SMS_FILE, Arrays.copyOf(sms, sms.length / 2))
                .file(MMS_FILE, zlib("[{\"mms_body\":\"ok\",\"date\":\"1579531789\",\"msg_box\":\"2\"}]")));

        assertThat(result.of("android_sms")).extracting(r -> r.fields().string("body")).containsExactly("first", "ok");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(SMS_FILE);
            assertThat(p.message()).startsWith("the zlib stream is corrupt or cut short after 1 messages");
        });
    }

    @Test
    void brokenJsonKeepsTheMessagesBeforeItAndSaysWhere() throws Exception {
        var result = run(AndroidBackupWriter.backup().file(SMS_FILE,
                zlib("[{\"body\":\"one\",\"type\":\"1\"},\n 42,\n {\"body\":\"two\",\"type\":\"1\"},\n {\"body\": tru}]")));

        assertThat(result.of("android_sms")).extracting(r -> r.fields().string("body")).containsExactly("one", "two");
        assertThat(result.problems()).extracting(p -> p.message()).satisfiesExactly(
                m -> assertThat(m).isEqualTo("JSON array element 1 is VALUE_NUMBER_INT, not a message object; skipped"),
                m -> assertThat(m).startsWith("broken JSON in JSON array element 3 at line 4, column ")
                        .endsWith("; the rest of the file is not read"));
    }

    @Test
    void textThatIsNotUtf8IsReported() throws Exception {
        byte[] json = "[{\"body\":\"caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1);
        var result = run(AndroidBackupWriter.backup().file(SMS_FILE, zlib(json)));
        assertThat(result.of("android_sms")).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("JSON array element 0"));
    }

    @Test
    void readsMessagesOfAnEncryptedBackup() throws Exception {
        Path ab = AndroidBackupWriter.backup().encrypted("pw", 1000)
                .file(SMS_FILE, zlib("[{\"body\":\"https://a.example.org\",\"date\":\"" + SMS_DATE + "\",\"type\":\"2\"}]"))
                .write(dir.resolve("enc.ab"));
        var result = ModuleHarness.run(AndroidBackups.open(ab, PasswordSource.of("pw".toCharArray())), "AndroidSMS");
        assertThat(result.of("android_sms")).singleElement().satisfies(r -> assertThat(r.fields().string("direction")).isEqualTo("sent"));
    }

    static byte[] zlib(String json) throws Exception {
        return zlib(json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] zlib(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out)) {
            d.write(data);
        }
        return out.toByteArray();
    }
}
