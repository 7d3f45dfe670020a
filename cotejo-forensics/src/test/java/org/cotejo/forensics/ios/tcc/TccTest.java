package org.cotejo.forensics.ios.tcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TccTest {
    static final String FS_PATH = "private/var/mobile/Library/TCC/TCC.db";
    @TempDir Path dir;

    /** iOS 14 and later. */
    static final String V3 = "CREATE TABLE access (service TEXT NOT NULL, client TEXT NOT NULL, client_type INTEGER NOT NULL,"
            + " auth_value INTEGER NOT NULL, auth_reason INTEGER NOT NULL, auth_version INTEGER NOT NULL, csreq BLOB,"
            + " policy_id INTEGER, indirect_object_identifier_type INTEGER, indirect_object_identifier TEXT NOT NULL DEFAULT 'UNUSED',"
            + " indirect_object_code_identity BLOB, flags INTEGER,"
            + " last_modified INTEGER NOT NULL DEFAULT (CAST(strftime('%s','now') AS INTEGER)),"
            + " PRIMARY KEY (service, client, client_type, indirect_object_identifier))";
    /** iOS 12 and 13. */
    static final String V2 = "CREATE TABLE access (service TEXT NOT NULL, client TEXT NOT NULL, client_type INTEGER NOT NULL,"
            + " allowed INTEGER NOT NULL, prompt_count INTEGER NOT NULL, csreq BLOB, policy_id INTEGER,"
            + " indirect_object_identifier_type INTEGER, indirect_object_identifier TEXT, indirect_object_code_identity BLOB,"
            + " flags INTEGER, last_modified INTEGER NOT NULL DEFAULT (CAST(strftime('%s','now') AS INTEGER)),"
            + " PRIMARY KEY (service, client, client_type, indirect_object_identifier))";
    /** Before iOS 12. */
    static final String V1 = "CREATE TABLE access (service TEXT NOT NULL, client TEXT NOT NULL, client_type INTEGER NOT NULL,"
            + " allowed INTEGER NOT NULL, prompt_count INTEGER NOT NULL, csreq BLOB,"
            + " CONSTRAINT key PRIMARY KEY (service, client, client_type))";

    @Test
    void readsVersion3PermissionsWithTheirReasons() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve(FS_PATH)).exec(V3)) {
            db.insert("INSERT INTO access (service, client, client_type, auth_value, auth_reason, auth_version, last_modified)"
                    + " VALUES ('kTCCServiceMicrophone', 'net.whatsapp.WhatsApp', 0, 2, 2, 1, 1680000000)");
            db.insert("INSERT INTO access (service, client, client_type, auth_value, auth_reason, auth_version, last_modified)"
                    + " VALUES ('kTCCServiceCamera', '/private/var/containers/Bundle/Application/X/bh', 1, 3, 99, 1, 1680000500)");
        }

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dir), "TCC").of("tcc");

        assertThat(records).hasSize(2);
        Fields app = records.get(0).fields();
        assertThat(app.keys()).containsExactly("service", "client", "client_type", "auth_value", "auth_reason_desc", "last_modified");
        assertThat(app.string("client_type")).isEqualTo("bundle_id");
        assertThat(app.string("auth_value")).isEqualTo("allowed");
        assertThat(app.string("auth_reason_desc")).isEqualTo("user_consent");
        assertThat(app.string("last_modified")).isEqualTo("2023-03-28 10:40:00.000000");
        assertThat(records.get(0).provenance().locator()).isEqualTo("access ROWID 1");
        assertThat(records.get(0).observables()).extracting(o -> o.observable().type(), o -> o.observable().value())
                .containsExactlyInAnyOrder(tuple(ObservableType.APP_ID, "net.whatsapp.whatsapp"),
                        tuple(ObservableType.PROCESS_NAME, "net.whatsapp.WhatsApp"));
        assertThat(records.get(0).timeline()).extracting(TimelineEvent::time, TimelineEvent::event, TimelineEvent::description)
                .containsExactly(tuple(Instant.ofEpochSecond(1680000000), "AccessRequest",
                        "Access to kTCCServiceMicrophone by net.whatsapp.WhatsApp allowed"));

        Fields program = records.get(1).fields();
        assertThat(program.string("client_type")).isEqualTo("absolute_path");
        assertThat(program.string("auth_value")).isEqualTo("limited");
        assertThat(program.string("auth_reason_desc")).isEqualTo("unknown");
        assertThat(records.get(1).observables()).extracting(o -> o.observable().type(), o -> o.observable().value())
                .containsExactlyInAnyOrder(tuple(ObservableType.FILE_PATH, "/private/var/containers/Bundle/Application/X/bh"),
                        tuple(ObservableType.PROCESS_NAME, "bh"));
    }

    @Test
    void readsVersion2PermissionsFromABackup() throws Exception {
        Path fixture = dir.resolve("fixture/TCC.db");
        try (Sqlite db = Sqlite.create(fixture).exec(V2)) {
            db.insert("INSERT INTO access (service, client, client_type, allowed, prompt_count, last_modified)"
                    + " VALUES ('kTCCServicePhotos', 'com.example.photos', 0, 0, 1, 1560000000)");
        }
        var x = TestBackup.at(dir.resolve("backup")).file("HomeDomain", "Library/TCC/TCC.db", fixture).open();

        Record r = ModuleHarness.run(x, "TCC").of("tcc").get(0);

        assertThat(r.fields().keys()).containsExactly("service", "client", "client_type", "allowed_value", "prompt_count", "last_modified");
        assertThat(r.fields().string("allowed_value")).isEqualTo("denied");
        assertThat(r.fields().longValue("prompt_count")).isEqualTo(1L);
        assertThat(r.provenance().logical()).isEqualTo("HomeDomain/Library/TCC/TCC.db");
        assertThat(r.timeline()).singleElement()
                .satisfies(e -> assertThat(e.description()).isEqualTo("Access to kTCCServicePhotos by com.example.photos denied"));
    }

    @Test
    void readsVersion1PermissionsWhichHaveNoTime() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve(FS_PATH)).exec(V1)) {
            db.insert("INSERT INTO access VALUES ('kTCCServiceAddressBook', 'com.example.contacts', 0, 1, 2, NULL)");
        }

        Record r = ModuleHarness.run(ModuleHarness.fsDump(dir), "TCC").of("tcc").get(0);

        assertThat(r.fields().keys()).containsExactly("service", "client", "client_type", "allowed_value", "prompt_count");
        assertThat(r.fields().string("allowed_value")).isEqualTo("allowed");
        assertThat(r.timeline()).isEmpty();
    }

    @Test
    void reportsAFileThatIsNotADatabase() throws Exception {
        Files.createDirectories(dir.resolve(FS_PATH).getParent());
        Files.writeString(dir.resolve(FS_PATH), "garbage, not sqlite");

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dir), "TCC");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("not a SQLite database").endsWith("skipped");
            assertThat(p.file()).isEqualTo(FS_PATH);
        });
    }

    @Test
    void reportsADatabaseWithoutAnAccessTable() throws Exception {
        try (Sqlite db = Sqlite.create(dir.resolve(FS_PATH))) {
            db.exec("CREATE TABLE admin (key TEXT PRIMARY KEY, value INTEGER)");
        }

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dir), "TCC");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no access table"));
    }

    @Test
    void findsNothingWhenTheDumpHasNoTccDatabase() throws Exception {
        Files.createDirectories(dir.resolve("private/var/mobile"));
        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dir), "TCC");
        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }
}
