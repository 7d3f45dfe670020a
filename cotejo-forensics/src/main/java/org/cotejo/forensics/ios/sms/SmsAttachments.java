package org.cotejo.forensics.ios.sms;

import java.time.Instant;
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
 * Attachments of SMS and iMessage messages from {@code sms.db}: where the file was stored, who sent
 * it, how big it was. The stored path is what an implant's file path indicator matches.
 */
public final class SmsAttachments implements ArtifactModule {
    static final Location SMS_DB = Sms.SMS_DB;
    /** The phone's home folder: attachment paths start with "~/" for it. */
    static final String MOBILE_HOME = "/private/var/mobile/";

    private static final String QUERY = "SELECT attachment.ROWID AS attachment_id, attachment.*, message.service AS service, "
            + "handle.id AS phone_number FROM attachment "
            + "LEFT JOIN message_attachment_join ON message_attachment_join.attachment_id = attachment.ROWID "
            + "LEFT JOIN message ON message.ROWID = message_attachment_join.message_id "
            + "LEFT JOIN handle ON handle.ROWID = message.handle_id "
            + "ORDER BY attachment.ROWID, message.ROWID";

    @Override public String name() { return "SMSAttachments"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.DELIVERY; }
    @Override public String description() { return "SMS and iMessage attachments (sms.db): stored file paths, senders, sizes"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(SMS_DB, List.of("attachment"), "an sms.db with attachments", (file, db) -> db.rows(QUERY, row -> {
            Map<String, Object> cells = EvidenceDatabase.rowValues(row);
            ctx.emit(fields(cells), ctx.provenance(file, "attachment ROWID " + cells.get("attachment_id")));
        }));
    }

    private static Fields fields(Map<String, Object> cells) {
        Fields.Builder f = Fields.builder();
        // user_info, sticker_user_info, attribution_info and the CloudKit tokens are binary plists: base64 as MVT writes them.
        for (var e : cells.entrySet()) f.put(e.getKey(), Cells.base64(e.getValue()));
        f.put("isodate", IosTime.macIso(cells.get("created_date")));
        f.put("start_date", IosTime.macIso(cells.get("start_date")));
        f.put("direction", Long.valueOf(1L).equals(cells.get("is_outgoing")) ? "sent" : "received");
        Object userInfo = cells.get("user_info");
        f.put("has_user_info", userInfo instanceof byte[] b ? b.length > 0 : userInfo != null && !userInfo.toString().isEmpty());
        f.put("service", cells.get("service") == null ? "Unknown" : cells.get("service"));
        f.put("filename", cells.get("filename") == null ? "NULL" : cells.get("filename"));
        return f.build();
    }

    /** The stored path, and for paths under the home folder ("~/Library/SMS/…") the full path as well. */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String filename = r.string("filename");
        if (filename == null || filename.equals("NULL")) return o.list();
        o.add(ObservableType.FILE_PATH, "filename", filename);
        if (filename.startsWith("~/")) o.add(ObservableType.FILE_PATH, "filename", MOBILE_HOME + filename.substring(2));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant at = MvtTime.parse(r.string("isodate"));
        if (at == null) return List.of();
        String data = r.text("service") + ": Attachment '" + r.text("transfer_name") + "' " + r.text("direction")
                + " from " + r.text("phone_number") + " with " + r.text("total_bytes") + " bytes (is_sticker: "
                + r.text("is_sticker") + ", has_user_info: " + (r.truthy("has_user_info") ? "True" : "False") + ")";
        return List.of(new TimelineEvent(at, slug(), "sms_attachment", data));
    }
}
