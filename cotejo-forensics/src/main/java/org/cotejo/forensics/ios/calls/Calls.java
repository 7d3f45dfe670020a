package org.cotejo.forensics.ios.calls;

import java.time.Instant;
import java.util.List;
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

/** Phone, FaceTime and app calls from the call history ({@code CallHistory.storedata}). */
public final class Calls implements ArtifactModule {
    static final Location CALL_HISTORY = Location.of("HomeDomain", "Library/CallHistoryDB/CallHistory.storedata",
            "private/var/mobile/Library/CallHistoryDB/CallHistory.storedata");

    private static final String QUERY = "SELECT Z_PK, ZDATE, ZDURATION, ZLOCATION, ZADDRESS, ZSERVICE_PROVIDER "
            + "FROM ZCALLRECORD ORDER BY Z_PK";

    @Override public String name() { return "Calls"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.DELIVERY; }
    @Override public String description() { return "Call history (CallHistory.storedata): numbers and FaceTime handles, durations"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(CALL_HISTORY, List.of("ZCALLRECORD"), "a call history database", (file, db) -> db.rows(QUERY, row -> {
            // Some iOS versions store the address as a blob holding UTF-8 text.
            Object address = Cells.text(EvidenceDatabase.cell(row, 5));
            Fields f = Fields.builder()
                    .put("isodate", IosTime.macIso(EvidenceDatabase.cell(row, 2)))
                    .put("duration", EvidenceDatabase.cell(row, 3))
                    .put("location", EvidenceDatabase.cell(row, 4))
                    .put("number", address)
                    .put("provider", EvidenceDatabase.cell(row, 6))
                    .build();
            ctx.emit(f, ctx.provenance(file, "ZCALLRECORD Z_PK " + row.getLong(1)));
        }));
    }

    /** FaceTime and iMessage-audio calls name the other side by an Apple ID, often an e-mail address. */
    @Override
    public List<ObservedValue> observe(Fields r) {
        String number = r.string("number");
        if (number == null || !number.contains("@")) return List.of();
        return new Observations(trace()).add(ObservableType.EMAIL, "number", number).list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant at = MvtTime.parse(r.string("isodate"));
        if (at == null) return List.of();
        return List.of(new TimelineEvent(at, slug(), "call", "From " + r.text("number") + " using " + r.text("provider")
                + " during " + r.text("duration") + " seconds"));
    }
}
