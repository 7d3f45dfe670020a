package org.cotejo.forensics.ios.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsTest {
    static final String PATH = "private/var/mobile/Library/AddressBook/AddressBook.sqlitedb";

    @TempDir Path root;

    @Test
    void readsEachValueOfEachContactWithoutObservables() throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(PATH))) {
            db.exec("""
                    CREATE TABLE ABPerson (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, First TEXT, Last TEXT, Middle TEXT,
                      FirstPhonetic TEXT, MiddlePhonetic TEXT, LastPhonetic TEXT, Organization TEXT, Department TEXT,
                      Note TEXT, Kind INTEGER, Birthday TEXT, JobTitle TEXT, Nickname TEXT, Prefix TEXT, Suffix TEXT,
                      CreationDate INTEGER, ModificationDate INTEGER, guid TEXT)""",
                    """
                    CREATE TABLE ABMultiValue (UID INTEGER PRIMARY KEY, record_id INTEGER, property INTEGER,
                      identifier INTEGER, label INTEGER, value TEXT, guid TEXT)""");
            db.insert("INSERT INTO ABPerson (ROWID, First, Last, Organization, Kind, CreationDate) VALUES (2, 'Lucía', 'Pérez', 'Diario', 0, 648291731)");
            db.insert("INSERT INTO ABPerson (ROWID, First, Last, Kind) VALUES (1, 'Ana', NULL, 0)");
            db.insert("INSERT INTO ABMultiValue (UID, record_id, property, identifier, label, value) VALUES (10, 2, 4, 0, 1, 'lucia@example.org')");
            db.insert("INSERT INTO ABMultiValue (UID, record_id, property, identifier, label, value) VALUES (9, 2, 3, 0, 2, '+34 600 111 222')");
            db.insert("INSERT INTO ABMultiValue (UID, record_id, property, identifier, label, value) VALUES (11, 1, 3, 0, 2, NULL)");
            db.insert("INSERT INTO ABMultiValue (UID, record_id, property, identifier, label, value) VALUES (12, 1, 3, 0, 2, '+34 611 000 000')");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Contacts");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("contacts")).extracting(r -> r.fields().string("value"))
                .containsExactly("+34 611 000 000", "+34 600 111 222", "lucia@example.org");
        Record lucia = result.of("contacts").get(2);
        assertThat(lucia.fields().keys()).containsExactly("value", "first", "middle", "last", "organization");
        assertThat(lucia.fields().string("first")).isEqualTo("Lucía");
        assertThat(lucia.fields().string("organization")).isEqualTo("Diario");
        assertThat(lucia.provenance().locator()).isEqualTo("ABPerson ROWID 2, ABMultiValue UID 10");
        assertThat(result.records()).allSatisfy(r -> {
            assertThat(r.observables()).isEmpty();
            assertThat(r.timeline()).isEmpty();
        });
    }

    @Test
    void anUnreadableAddressBookIsAProblem() throws Exception {
        Files.createDirectories(root.resolve(PATH).getParent());
        Files.write(root.resolve(PATH), new byte[0]);
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Contacts");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("empty file"));
    }

    @Test
    void findsItsFileByTheBackupIdMvtUses() {
        assertThat(Contacts.ADDRESS_BOOK.fileId()).isEqualTo("31bb7ba8914766d4ba40d6dfb6113c8b614be442");
        assertThat(new Contacts().slug()).isEqualTo("contacts");
    }
}
