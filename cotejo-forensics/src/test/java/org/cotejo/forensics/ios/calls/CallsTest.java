package org.cotejo.forensics.ios.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallsTest {
    static final String PATH = "private/var/mobile/Library/CallHistoryDB/CallHistory.storedata";

    @TempDir Path root;

    /** The Core Data schema of CallHistory.storedata (iOS 9 to 17). */
    static Sqlite callHistory(Path root) throws Exception {
        return Sqlite.create(root.resolve(PATH)).exec("""
                CREATE TABLE ZCALLRECORD (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZANSWERED INTEGER,
                  ZCALL_CATEGORY INTEGER, ZCALLTYPE INTEGER, ZDISCONNECTED_CAUSE INTEGER, ZFACE_TIME_DATA INTEGER,
                  ZHANDLE_TYPE INTEGER, ZNUMBER_AVAILABILITY INTEGER, ZORIGINATED INTEGER, ZREAD INTEGER,
                  ZDATE TIMESTAMP, ZDURATION FLOAT, ZADDRESS VARCHAR, ZDEVICE_ID VARCHAR, ZISO_COUNTRY_CODE VARCHAR,
                  ZLOCATION VARCHAR, ZNAME VARCHAR, ZSERVICE_PROVIDER VARCHAR, ZUNIQUE_ID VARCHAR)""");
    }

    static void call(Sqlite db, long pk, double date, double duration, Object address, String provider) throws Exception {
        db.insert("INSERT INTO ZCALLRECORD (Z_PK, Z_ENT, Z_OPT, ZANSWERED, ZCALLTYPE, ZORIGINATED, ZDATE, ZDURATION, ZADDRESS, "
                + "ZISO_COUNTRY_CODE, ZLOCATION, ZSERVICE_PROVIDER, ZUNIQUE_ID) VALUES (?, 2, 1, 1, 1, 0, ?, ?, ?, 'es', 'Spain', ?, ?)",
                pk, date, duration, address, provider, "UID-" + pk);
    }

    @Test
    void readsCallsAndFaceTimeHandlesThatAreEmailAddresses() throws Exception {
        try (Sqlite db = callHistory(root)) {
            call(db, 1, 648291731.5, 42.0, "+34600111222", "com.apple.Telephony");
            call(db, 2, 648291900.0, 3.0, "Caller@Example.net".getBytes(StandardCharsets.UTF_8), "com.apple.FaceTime");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Calls");

        assertThat(result.problems()).isEmpty();
        Record phone = result.of("calls").get(0);
        assertThat(phone.fields().keys()).containsExactly("isodate", "duration", "location", "number", "provider");
        assertThat(phone.fields().string("isodate")).isEqualTo("2021-07-18 09:02:11.500000");
        assertThat(phone.fields().string("number")).isEqualTo("+34600111222");
        assertThat(phone.observables()).isEmpty();
        assertThat(phone.timeline()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("call");
            assertThat(e.time()).isEqualTo(Instant.parse("2021-07-18T09:02:11.500Z"));
            assertThat(e.description()).isEqualTo("From +34600111222 using com.apple.Telephony during 42 seconds");
        });
        assertThat(phone.provenance().locator()).isEqualTo("ZCALLRECORD Z_PK 1");

        Record faceTime = result.of("calls").get(1);
        assertThat(faceTime.fields().string("number")).isEqualTo("Caller@Example.net");
        assertThat(faceTime.observables()).singleElement().satisfies(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.EMAIL);
            assertThat(o.observable().value()).isEqualTo("caller@example.net");
        });
    }

    @Test
    void aDamagedDatabaseKeepsTheRowsBeforeTheDamageAndSaysSo() throws Exception {
        try (Sqlite db = callHistory(root)) {
            db.exec("BEGIN");
            for (int i = 1; i <= 3000; i++) call(db, i, 648291731.0 + i, 10, "+3460011" + i, "com.apple.Telephony " + "x".repeat(200));
            db.exec("COMMIT");
        }
        try (RandomAccessFile f = new RandomAccessFile(root.resolve(PATH).toFile(), "rw")) {
            // Overwrite one table page in the middle of the file, as a bad sector would.
            f.seek(f.length() / 2 / 4096 * 4096);
            f.write(new byte[4096]);
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Calls");

        // Salvaged (sqlite3 installed) or read up to the damage: either way some rows, never all, and said so.
        assertThat(result.of("calls")).isNotEmpty().hasSizeLessThan(3000);
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.fatal()).isFalse());
        assertThat(result.problems()).anySatisfy(p -> assertThat(p.message()).containsAnyOf("damaged", "then stopped"));
    }

    @Test
    void aDatabaseWithoutCallTableIsAProblem() throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(PATH))) {
            db.exec("CREATE TABLE Z_METADATA (Z_VERSION INTEGER PRIMARY KEY, Z_UUID VARCHAR(255), Z_PLIST BLOB)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Calls");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).extracting(p -> p.message()).containsExactly("no ZCALLRECORD table; not a call history database, skipped");
    }

    @Test
    void findsItsFileByTheBackupIdMvtUses() {
        assertThat(Calls.CALL_HISTORY.fileId()).isEqualTo("5a4935c78a5255723f707230a451d79c540d2741");
        assertThat(new Calls().slug()).isEqualTo("calls");
    }
}
