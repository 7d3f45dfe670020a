package org.cotejo.detection.heuristic.ios.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.ios.calendar.Calendar;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.junit.jupiter.api.Test;

class QuadreamInvitationTest {
    private static List<Alert> inspect(String summary, String description, String creationDate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 3);
        m.put("summary", summary);
        m.put("description", description);
        m.put("start_date", "2022-11-02 10:00:00.000000");
        m.put("uuid", "9A3C6B1E-0F5D-4C7A-8E21-3B4D5F6A7B8C");
        m.put("creation_date", creationDate);
        m.put("participant_email", "organiser@example.net");
        var record = Records.of(new Calendar(), Fields.of(m),
                new Provenance("private/var/mobile/Library/Calendar/Calendar.sqlitedb", null, "0".repeat(64), "CalendarItem ROWID 3"));
        List<Alert> alerts = new ArrayList<>();
        new QuadreamInvitation().start(new HeuristicContext(null, ModuleOptions.DEFAULT, false)).inspect(record, alerts::add);
        return alerts;
    }

    @Test
    void flagsMeetingWithNotesDescription() {
        assertThat(inspect("Meeting", "Notes", "2022-11-01 22:13:09.000000")).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.HIGH);
            assertThat(a.heuristic()).isEqualTo("calendar.quadream-invitation");
            assertThat(a.message()).startsWith("Potential QuaDream exploit event identified: 9A3C6B1E-0F5D-4C7A-8E21-3B4D5F6A7B8C")
                    .contains("invitation by organiser@example.net").contains("CalendarItem ROWID 3");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2022-11-01T22:13:09Z"));
        });
    }

    @Test
    void usesTheStartDateWhenCreationDateIsUnknown() {
        assertThat(inspect("Meeting", "Notes", null)).singleElement()
                .satisfies(a -> assertThat(a.eventTime()).isEqualTo(Instant.parse("2022-11-02T10:00:00Z")));
    }

    @Test
    void ignoresOrdinaryMeetings() {
        assertThat(inspect("Meeting", "Budget review", null)).isEmpty();
        assertThat(inspect("meeting", "Notes", null)).isEmpty();
        assertThat(inspect("Team meeting", "Notes", null)).isEmpty();
        assertThat(inspect("Meeting", null, null)).isEmpty();
    }
}
