package org.cotejo.forensics.ios.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.Cells;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/**
 * Calendar events ({@code Calendar.sqlitedb}) with the organiser of each. Calendar invitations are a
 * zero-click delivery channel (QuaDream's exploit arrived as an invisible iCloud invitation), so the
 * organiser's address and the event's URL are observables.
 */
public final class Calendar implements ArtifactModule {
    static final Location CALENDAR_DB = Location.of("HomeDomain", "Library/Calendar/Calendar.sqlitedb",
            "private/var/mobile/Library/Calendar/Calendar.sqlitedb");

    /** Mac-time fields, converted to MVT's time text, each also a timeline event of its own name. */
    static final List<String> DATES = List.of("start_date", "end_date", "last_modified", "creation_date",
            "participant_last_modified");

    private static final String QUERY = "SELECT CalendarItem.ROWID AS id, CalendarItem.summary, CalendarItem.description, "
            + "CalendarItem.start_date, CalendarItem.end_date, CalendarItem.all_day, CalendarItem.calendar_id, "
            + "CalendarItem.organizer_id, CalendarItem.url, CalendarItem.last_modified, CalendarItem.external_id, "
            + "CalendarItem.external_mod_tag, CalendarItem.unique_identifier, CalendarItem.hidden, CalendarItem.UUID AS uuid, "
            + "CalendarItem.creation_date, CalendarItem.action, CalendarItem.created_by_id, "
            + "Participant.UUID AS participant_uuid, Participant.email AS participant_email, "
            + "Participant.phone_number AS participant_phone, Participant.comment AS participant_comment, "
            + "Participant.last_modified AS participant_last_modified "
            + "FROM CalendarItem LEFT JOIN Participant ON Participant.ROWID = CalendarItem.organizer_id "
            + "ORDER BY CalendarItem.ROWID";

    @Override public String name() { return "Calendar"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.DELIVERY; }
    @Override public String description() { return "Calendar events (Calendar.sqlitedb): invitations, organisers, URLs"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(CALENDAR_DB, List.of("CalendarItem", "Participant"), "a calendar database", (file, db) ->
                db.rows(QUERY, row -> {
                    Map<String, Object> cells = EvidenceDatabase.rowValues(row);
                    Fields.Builder f = Fields.builder();
                    for (var e : cells.entrySet()) {
                        Object v = Cells.text(e.getValue());
                        // Numbers are Mac times; text (already a date) and null are kept as they are.
                        if (DATES.contains(e.getKey()) && v instanceof Number) v = IosTime.macIso(v);
                        f.put(e.getKey(), v);
                    }
                    ctx.emit(f.build(), ctx.provenance(file, "CalendarItem ROWID " + cells.get("id")));
                }));
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.EMAIL, "participant_email", r.string("participant_email"));
        o.urlOrHost("url", r.string("url"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        String data = "Calendar event " + r.text("summary") + " (" + r.text("description") + ")";
        String organiser = r.string("participant_email");
        if (organiser != null && !organiser.isBlank()) data += " (invitation by " + organiser + ")";
        List<TimelineEvent> out = new ArrayList<>(DATES.size());
        for (String field : DATES) {
            Instant at = MvtTime.parse(r.string(field));
            if (at != null) out.add(new TimelineEvent(at, slug(), field, data));
        }
        return out;
    }
}
