package org.cotejo.forensics.ios.sms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.Cells;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.ios.Links;
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

/** SMS and iMessage messages from {@code sms.db}, with the links in their text. */
public final class Sms implements ArtifactModule {
    static final Location SMS_DB = Location.of("HomeDomain", "Library/SMS/sms.db",
            "private/var/mobile/Library/SMS/sms.db");
    private static final Set<String> BLOBS = Set.of("attributedBody", "payload_data", "message_summary_info");

    @Override public String name() { return "SMS"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.DELIVERY; }
    @Override public String description() { return "SMS and iMessage messages (sms.db): senders, text, links"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(SMS_DB, List.of("message", "handle"), "an sms.db", (file, db) ->
                db.rows("SELECT message.*, handle.id AS phone_number FROM message, handle "
                        + "WHERE handle.rowid = message.handle_id ORDER BY message.ROWID", row -> {
                    Map<String, Object> cells = EvidenceDatabase.rowValues(row);
                    Fields.Builder f = Fields.builder();
                    for (var e : cells.entrySet()) {
                        f.put(e.getKey(), BLOBS.contains(e.getKey()) ? Cells.base64(e.getValue()) : Cells.text(e.getValue()));
                    }
                    String text = cells.get("text") == null ? "" : cells.get("text").toString();
                    f.put("isodate", IosTime.macIso(cells.get("date")));
                    f.put("isodate_read", IosTime.macIso(cells.get("date_read")));
                    f.put("direction", Long.valueOf(1L).equals(cells.get("is_from_me")) ? "sent" : "received");
                    f.put("text", text);
                    f.put("links", Links.in(text));
                    ctx.emit(f.build(), ctx.provenance(file, "message ROWID " + cells.get("ROWID")));
                }));
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        List<String> links = r.strings("links");
        o.urls("links", links.isEmpty() ? Links.in(r.string("text")) : links);
        String handle = r.string("phone_number");
        if (handle != null && handle.contains("@")) o.add(ObservableType.EMAIL, "phone_number", handle);
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        List<TimelineEvent> out = new ArrayList<>(2);
        String data = r.text("service") + ": " + r.text("guid") + " \"" + r.text("text").replace("\n", "\\n") + "\" from "
                + r.text("phone_number") + " (" + r.text("account") + ")";
        Instant sent = MvtTime.parse(r.string("isodate"));
        if (sent != null) out.add(new TimelineEvent(sent, slug(), "sms_received", data));
        Instant read = MvtTime.parse(r.string("isodate_read"));
        if (read != null) out.add(new TimelineEvent(read, slug(), "sms_read", data));
        return out;
    }
}
