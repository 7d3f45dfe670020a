package org.cotejo.forensics.ios.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarTest {
    static final String PATH = "private/var/mobile/Library/Calendar/Calendar.sqlitedb";
    static final double T = 648_291_731; // 2021-07-18 09:02:11 UTC

    @TempDir Path root;

    /** The CalendarItem and Participant tables of iOS 15-17 (the columns around those the module reads). */
    static Sqlite calendarDb(Path root) throws Exception {
        return Sqlite.create(root.resolve(PATH)).exec("""
                CREATE TABLE CalendarItem (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, summary TEXT, location_id INTEGER,
                  description TEXT, start_date REAL, start_tz TEXT, end_date REAL, all_day INTEGER, calendar_id INTEGER,
                  orig_item_id INTEGER, orig_date REAL, organizer_id INTEGER, self_attendee_id INTEGER, status INTEGER,
                  invitation_status INTEGER, availability INTEGER, privacy_level INTEGER, url TEXT, last_modified REAL,
                  sequence_num INTEGER, birthday_id INTEGER, modified_properties INTEGER, external_tracking_status INTEGER,
                  external_id TEXT, external_mod_tag TEXT, unique_identifier TEXT, external_schedule_id TEXT,
                  external_rep BLOB, response_comment TEXT, hidden INTEGER, has_recurrences INTEGER, has_attendees INTEGER,
                  UUID TEXT, entity_type INTEGER, priority INTEGER, due_date REAL, due_tz TEXT, due_all_day INTEGER,
                  completion_date REAL, creation_date REAL, conference TEXT, display_order INTEGER, created_by_id INTEGER,
                  modified_by_id INTEGER, shared_item_created_date REAL, action TEXT)""",
                """
                CREATE TABLE Participant (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, entity_type INTEGER, type INTEGER,
                  status INTEGER, pending_status INTEGER, role INTEGER, identity_id INTEGER, owner_id INTEGER,
                  external_rep BLOB, UUID TEXT, email TEXT, phone_number TEXT, is_self INTEGER, flags INTEGER,
                  last_modified REAL, comment TEXT, proposed_start_date REAL)""");
    }

    @Test
    void readsInvitationsWithTheirOrganiser() throws Exception {
        try (Sqlite db = calendarDb(root)) {
            db.insert("INSERT INTO Participant (ROWID, entity_type, type, UUID, email, last_modified, comment) "
                    + "VALUES (7, 7, 1, 'P-UUID-7', 'Organiser@Example.net', ?, NULL)", T - 60);
            db.insert("INSERT INTO CalendarItem (ROWID, summary, description, start_date, end_date, all_day, calendar_id, "
                    + "organizer_id, url, last_modified, unique_identifier, hidden, UUID, creation_date, created_by_id) "
                    + "VALUES (3, 'Meeting', 'Notes', ?, ?, 0, 2, 7, 'https://invite.example.net/e/1', ?, 'UID-3', 1, "
                    + "'9A3C6B1E-0F5D-4C7A-8E21-3B4D5F6A7B8C', ?, 0)", T + 3600, T + 7200, T, T);
            db.insert("INSERT INTO CalendarItem (ROWID, summary, start_date, end_date, all_day, calendar_id, UUID) "
                    + "VALUES (4, 'Dentist', ?, ?, 0, 1, 'U-4')", T + 86_400, T + 90_000);
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Calendar");

        assertThat(result.problems()).isEmpty();
        Record invite = result.of("calendar").get(0);
        Fields f = invite.fields();
        assertThat(f.keys()).startsWith("id", "summary", "description").contains("uuid", "participant_email", "participant_phone");
        assertThat(f.string("start_date")).isEqualTo("2021-07-18 10:02:11.000000");
        assertThat(f.string("participant_last_modified")).isEqualTo("2021-07-18 09:01:11.000000");
        assertThat(f.string("uuid")).isEqualTo("9A3C6B1E-0F5D-4C7A-8E21-3B4D5F6A7B8C");
        assertThat(invite.observables()).extracting(o -> o.observable().type(), o -> o.observable().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObservableType.EMAIL, "organiser@example.net"),
                        org.assertj.core.groups.Tuple.tuple(ObservableType.URL, "https://invite.example.net/e/1"));
        assertThat(invite.timeline()).extracting(TimelineEvent::event)
                .containsExactly("start_date", "end_date", "last_modified", "creation_date", "participant_last_modified");
        assertThat(invite.timeline().get(0).description())
                .isEqualTo("Calendar event Meeting (Notes) (invitation by Organiser@Example.net)");
        assertThat(invite.provenance().locator()).isEqualTo("CalendarItem ROWID 3");

        Record dentist = result.of("calendar").get(1);
        assertThat(dentist.fields().get("participant_email")).isNull();
        assertThat(dentist.fields().get("last_modified")).isNull();
        assertThat(dentist.observables()).isEmpty();
        assertThat(dentist.timeline()).extracting(TimelineEvent::time)
                .containsExactly(Instant.parse("2021-07-19T09:02:11Z"), Instant.parse("2021-07-19T10:02:11Z"));
        assertThat(dentist.timeline().get(0).description()).isEqualTo("Calendar event Dentist ()");
    }

    @Test
    void aDatabaseWithoutEventTablesIsAProblem() throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(PATH))) {
            db.exec("CREATE TABLE Calendar (ROWID INTEGER PRIMARY KEY, title TEXT)");
        }
        var result = ModuleHarness.run(ModuleHarness.fsDump(root), "Calendar");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).extracting(p -> p.message())
                .containsExactly("no CalendarItem/Participant table; not a calendar database, skipped");
    }

    @Test
    void findsItsFileByTheBackupIdMvtUses() {
        assertThat(Calendar.CALENDAR_DB.fileId()).isEqualTo("2041457d5fe04d39d0ab481178355df6781e6858");
        assertThat(new Calendar().slug()).isEqualTo("calendar");
    }
}
