package org.cotejo.forensics.ios.interactionc;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.Cells;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.ios.Links;
import org.cotejo.forensics.ios.whatsapp.WhatsappIds;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/**
 * CoreDuet's record of people interactions ({@code interactionC.db}): who messaged, called or shared
 * with whom, in which app, when, and with what text. It outlives the apps' own history, so a deleted
 * message or a call from an attacker's account may still show here. WhatsApp identifiers are turned
 * into numbers and names with the WhatsappContacts records.
 */
public final class InteractionC implements ArtifactModule {
    static final Location INTERACTION_DB = Location.of("HomeDomain", "Library/CoreDuet/People/interactionC.db",
            "private/var/mobile/Library/CoreDuet/People/interactionC.db");

    @Override public String name() { return "InteractionC"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.DELIVERY; }
    @Override public List<String> dependsOn() { return List.of("WhatsappContacts"); }
    @Override public String description() { return "People interactions (interactionC.db): senders, recipients, apps and texts of messages and calls"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        WhatsappIdentities whatsapp = WhatsappIdentities.from(ctx.resultsOf("WhatsappContacts"));
        // No table is required here: the query variants are the schema check, and say which failed.
        ctx.eachDatabase(INTERACTION_DB, List.of(), "an interactionC.db", (file, db) -> read(ctx, file, db, whatsapp));
    }

    /** Runs the first query variant the schema accepts; a query that cannot even start means the next variant. */
    private void read(ModuleContext ctx, SourceFile file, EvidenceDatabase db, WhatsappIdentities whatsapp) {
        List<String> variants = InteractionQueries.variants();
        String lastError = null;
        long[] emitted = {0};
        for (String sql : variants) {
            try {
                db.rows(sql, row -> {
                    Map<String, Object> cells = EvidenceDatabase.rowValues(row);
                    Map<String, Object> fields = fields(cells);
                    if (WhatsappIdentities.BUNDLE_ID.equals(fields.get("bundle_id"))) {
                        whatsapp.resolveInto(fields, "sender", "sender_identifier", "custom_id");
                        whatsapp.resolveInto(fields, "recipient", "recipient_identifier");
                        whatsapp.resolveInto(fields, "domain", "domain_identifier");
                    }
                    ctx.emit(Fields.of(fields), ctx.provenance(file, locator(cells)));
                    emitted[0]++;
                });
                return;
            } catch (SQLException e) {
                if (emitted[0] > 0) {
                    // The schema fitted and rows were read: an error now is damage, not another schema.
                    ctx.problem(file, "read " + emitted[0] + " interactions, then stopped: " + e.getMessage());
                    return;
                }
                lastError = e.getMessage();
            }
        }
        ctx.problem(file, "none of the " + variants.size() + " known interactionC schemas fits this database (last error: "
                + lastError + "); interactions skipped");
    }

    private static Map<String, Object> fields(Map<String, Object> cells) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (var e : cells.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("_")) continue;
            Object v = Cells.text(e.getValue());
            if (InteractionQueries.DATES.contains(name) && v != null && !(v instanceof String)) v = IosTime.macIso(v);
            if (name.equals("direction")) v = direction(v);
            f.put(name, v);
        }
        return f;
    }

    /** 0 and 1 in words; the newest queries already did it in SQL, older ones read the raw value. */
    private static Object direction(Object raw) {
        if (raw instanceof Number n && n.doubleValue() == 0) return "INCOMING";
        if (raw instanceof Number n && n.doubleValue() == 1) return "OUTGOING";
        return raw;
    }

    private static String locator(Map<String, Object> cells) {
        StringBuilder s = new StringBuilder("ZINTERACTIONS Z_PK ").append(cells.get("table_id"));
        if (cells.get(InteractionQueries.ATTACHMENT_PK) != null) s.append(", ZATTACHMENT Z_PK ").append(cells.get(InteractionQueries.ATTACHMENT_PK));
        if (cells.get(InteractionQueries.RECIPIENT_PK) != null) s.append(", recipient ZCONTACTS Z_PK ").append(cells.get(InteractionQueries.RECIPIENT_PK));
        return s.toString();
    }

    /** E-mail identities of the sender and recipients (iMessage, Mail, FaceTime), and links in the text. */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        for (String field : List.of("sender_identifier", "recipient_identifier")) {
            String id = r.string(field);
            if (id == null) continue;
            String s = id.strip();
            if (s.regionMatches(true, 0, "mailto:", 0, 7) || s.contains("@") && !WhatsappIds.isJid(s)) {
                o.add(ObservableType.EMAIL, field, s);
            }
        }
        o.urls("content", Links.in(r.string("content")));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        return InteractionTimeline.of(slug(), r);
    }
}
