package org.cotejo.forensics.ios.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsTest {
    /** 2021-07-18 09:02:11.123456789 UTC in nanoseconds since 2001, as iOS 11+ stores message dates. */
    static final long NANOS_DATE = 648_291_731_123_456_789L;
    /** 2021-07-18 09:05:00 UTC, read receipt. */
    static final long NANOS_READ = 648_291_900_000_000_000L;
    /** 2013-09-04 15:06:40 UTC in seconds since 2001, as iOS 10 and earlier store them. */
    static final long SECONDS_DATE = 400_000_000L;

    @TempDir Path root;

    @Test
    void readsMessagesWithTheirSenderLinksAndNanosecondTimes() throws Exception {
        try (SmsDatabase db = SmsDatabase.create(root)) {
            db.handle(1, "+34600111222", "SMS").chat(1, "+34600111222", "SMS", 1)
                    .message(1, 1, 1, "Your parcel is waiting: https://parcel-track.example.org/x?id=7 now", "SMS", false,
                            NANOS_DATE, NANOS_READ);
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "SMS");

        assertThat(result.problems()).isEmpty();
        Record r = result.of("sms").get(0);
        Fields f = r.fields();
        assertThat(f.string("phone_number")).isEqualTo("+34600111222");
        assertThat(f.string("direction")).isEqualTo("received");
        assertThat(f.string("isodate")).isEqualTo("2021-07-18 09:02:11.123456");
        assertThat(f.string("isodate_read")).isEqualTo("2021-07-18 09:05:00.000000");
        assertThat(f.longValue("date")).isEqualTo(NANOS_DATE);
        assertThat(f.string("attributedBody")).isEqualTo("BAtzdHJlYW0=");
        assertThat(f.strings("links")).containsExactly("https://parcel-track.example.org/x?id=7");
        assertThat(r.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.URL);
            assertThat(o.field()).isEqualTo("links[0]");
            assertThat(o.trace()).isEqualTo(TraceClass.DELIVERY);
        });
        assertThat(r.timeline()).extracting(e -> e.event()).containsExactly("sms_received", "sms_read");
        assertThat(r.timeline().get(0).description())
                .isEqualTo("SMS: GUID-1 \"Your parcel is waiting: https://parcel-track.example.org/x?id=7 now\" from +34600111222 (e:owner@example.com)");
        assertThat(r.provenance().locator()).isEqualTo("message ROWID 1");
        assertThat(r.provenance().file()).isEqualTo(SmsDatabase.PATH);
    }

    @Test
    void readsSecondDatesOfOlderIosAndSentMessages() throws Exception {
        try (SmsDatabase db = SmsDatabase.create(root)) {
            db.handle(1, "+34600111222", "SMS").chat(1, "+34600111222", "SMS", 1)
                    .message(1, 1, 1, "ok", "SMS", true, SECONDS_DATE, 0);
        }
        Record r = ModuleHarness.run(ModuleHarness.fsDump(root), "SMS").of("sms").get(0);

        assertThat(r.fields().string("isodate")).isEqualTo("2013-09-04 15:06:40.000000");
        assertThat(r.fields().string("isodate_read")).isEmpty();
        assertThat(r.fields().string("direction")).isEqualTo("sent");
        assertThat(r.timeline()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("sms_received");
            assertThat(e.time()).isEqualTo(Instant.parse("2013-09-04T15:06:40Z"));
        });
    }

    @Test
    void iMessageFromAnEmailAddressIsAnObservable() throws Exception {
        try (SmsDatabase db = SmsDatabase.create(root)) {
            db.handle(1, "Attacker.Account@example.net", "iMessage").chat(1, "attacker.account@example.net", "iMessage", 1)
                    .message(1, 1, 1, null, "iMessage", false, NANOS_DATE, 0);
        }
        Record r = ModuleHarness.run(ModuleHarness.fsDump(root), "SMS").of("sms").get(0);

        assertThat(r.fields().string("text")).isEmpty();
        assertThat(r.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.EMAIL);
            assertThat(o.observable().value()).isEqualTo("attacker.account@example.net");
        });
    }

    @Test
    void recordsLoadedFromMvtJsonWithoutLinksGetThemFromTheText() {
        Fields loaded = Fields.of(Map.of("text", "see http://evil.example.com/a", "isodate", "2021-07-18 09:02:11.000000",
                "date", "648291731000000000", "service", "SMS"));
        Record r = Records.of(new Sms(), loaded, new Provenance("sms.json", null, "0".repeat(64), "[0]"));

        assertThat(r.observables()).extracting(o -> o.observable().value()).containsExactly("http://evil.example.com/a");
        assertThat(r.timeline()).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(Instant.parse("2021-07-18T09:02:11Z")));
    }

    @Test
    void aFileThatIsNotADatabaseIsAProblemNotACrash() throws Exception {
        Path db = root.resolve(SmsDatabase.PATH);
        Files.createDirectories(db.getParent());
        Files.writeString(db, "this is not sqlite at all, only text");
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "SMS", "SMSAttachments");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).hasSize(2).allSatisfy(p -> assertThat(p.message()).contains("not a SQLite database"));
    }

    @Test
    void noDatabaseMeansNoRecordsAndNoProblems() throws Exception {
        Files.createDirectories(root.resolve("private/var/mobile/Library"));
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "SMS", "SMSAttachments");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }
}
