package org.cotejo.forensics.ios.whatsapp;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.Cells;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/**
 * WhatsApp's own address book ({@code ContactsV2.sqlite}): the WhatsApp ids, LIDs, numbers and names
 * the app knows, with their "about" text and disappearing-message setting. Context, not traces: it
 * resolves the identifiers other modules (InteractionC) show to people.
 */
public final class WhatsappContacts implements ArtifactModule {
    static final Location CONTACTS_DB = Location.of("AppDomainGroup-group.net.whatsapp.WhatsApp.shared", "ContactsV2.sqlite",
            "private/var/mobile/Containers/Shared/AppGroup/*/ContactsV2.sqlite");

    /** Record field → column, in record order. Columns differ between app versions: only those present are read. */
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();
    static {
        COLUMNS.put("whatsapp_id", List.of("ZWHATSAPPID"));
        COLUMNS.put("lid", List.of("ZLID"));
        COLUMNS.put("phone_number", List.of("ZPHONENUMBER"));
        COLUMNS.put("localized_phone_number", List.of("ZLOCALIZEDPHONENUMBER"));
        COLUMNS.put("full_name", List.of("ZFULLNAME"));
        COLUMNS.put("given_name", List.of("ZGIVENNAME"));
        COLUMNS.put("last_name", List.of("ZLASTNAME"));
        COLUMNS.put("user_name", List.of("ZUSERNAME"));
        COLUMNS.put("business_name", List.of("ZBUSINESSNAME"));
        COLUMNS.put("about_text", List.of("ZABOUTTEXT"));
        COLUMNS.put("about_emoji", List.of("ZABOUTEMOJI"));
        COLUMNS.put("notes", List.of("ZNOTES"));
        COLUMNS.put("disappearing_mode_duration", List.of("ZDISAPPEARINGMODEDURATION"));
        COLUMNS.put("disappearing_mode_timestamp", List.of("ZDISAPPEARINGMODETIMESTAMP"));
        COLUMNS.put("about_timestamp", List.of("ZABOUTTIMESTAMP"));
        COLUMNS.put("about_expiration_timestamp", List.of("ZABOUTEXPIRATIONTIMESTAMP"));
        COLUMNS.put("last_updated", List.of("ZLASTUPDATED"));
        COLUMNS.put("phone_status", List.of("ZPHONESTATUS", "ZPHONENUMBERSTATUS"));
        COLUMNS.put("sync_policy", List.of("ZSYNCPOLICY"));
    }
    private static final Set<String> DATES = Set.of("disappearing_mode_timestamp", "about_timestamp",
            "about_expiration_timestamp", "last_updated");
    private static final Map<Long, String> DURATION_LABELS = Map.of(86_400L, "24 hours", 604_800L, "7 days",
            1_209_600L, "14 days", 2_592_000L, "30 days", 7_776_000L, "90 days");

    @Override public String name() { return "WhatsappContacts"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    @Override public String description() { return "WhatsApp contacts (ContactsV2.sqlite): WhatsApp ids, LIDs, numbers, names, about texts"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        // Several app groups may hold a ContactsV2.sqlite: eachDatabase reads on past one it cannot.
        ctx.eachDatabase(CONTACTS_DB, List.of("ZWAADDRESSBOOKCONTACT"), "a WhatsApp ContactsV2.sqlite",
                (file, db) -> read(ctx, file, db));
    }

    private static void read(ModuleContext ctx, SourceFile file, EvidenceDatabase db) throws SQLException {
        Set<String> present = new java.util.HashSet<>();
        for (String c : db.columns("ZWAADDRESSBOOKCONTACT")) present.add(c.toUpperCase(Locale.ROOT));
        Map<String, String> selected = new LinkedHashMap<>();
        COLUMNS.forEach((field, candidates) -> candidates.stream().filter(present::contains).findFirst()
                .ifPresent(column -> selected.put(field, column)));
        List<String> select = new ArrayList<>(List.of("Z_PK"));
        selected.values().forEach(select::add);
        db.rows("SELECT " + String.join(", ", select) + " FROM ZWAADDRESSBOOKCONTACT ORDER BY Z_PK", row -> {
            Fields.Builder f = Fields.builder();
            Object duration = null;
            int i = 2;
            for (String field : selected.keySet()) {
                Object v = Cells.text(EvidenceDatabase.cell(row, i++));
                if (field.equals("disappearing_mode_duration")) duration = v;
                if (DATES.contains(field) && v != null) v = IosTime.macIso(v);
                f.put(field, v);
            }
            long pk = row.getLong(1);
            f.put("row_pk", pk);
            disappearingMode(f, selected.containsKey("disappearing_mode_duration"), duration);
            ctx.emit(f.build(), ctx.provenance(file, "ZWAADDRESSBOOKCONTACT Z_PK " + pk));
        });
    }

    /** The disappearing-message setting in words; all three fields are null when the app version has no such column. */
    private static void disappearingMode(Fields.Builder f, boolean known, Object duration) {
        if (!known) {
            f.put("disappearing_mode_duration", null);
            f.put("disappearing_mode_is_on", null);
            f.put("disappearing_mode_label", null);
            return;
        }
        long seconds = duration instanceof Number n ? n.longValue() : 0L;
        f.put("disappearing_mode_is_on", seconds != 0);
        f.put("disappearing_mode_label", seconds == 0 ? "off" : DURATION_LABELS.getOrDefault(seconds, seconds + " seconds"));
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        String who = contact(r);
        List<TimelineEvent> out = new ArrayList<>(4);
        add(out, r, "disappearing_mode_timestamp", "disappearing_mode_set",
                "WhatsApp contact " + who + " set disappearing messages to " + r.text("disappearing_mode_label"));
        add(out, r, "about_timestamp", "about_changed",
                "WhatsApp contact " + who + " changed their about text to '" + r.text("about_text") + "'");
        add(out, r, "about_expiration_timestamp", "about_expiration", "About text of WhatsApp contact " + who + " expires");
        add(out, r, "last_updated", "contact_last_updated", "WhatsApp contact " + who + " last updated");
        return out;
    }

    private void add(List<TimelineEvent> out, Fields r, String field, String event, String data) {
        WhatsappChats.add(out, slug(), r.string(field), event, data);
    }

    /** "Name (+34600111222)", or whichever of the two is known. */
    static String contact(Fields r) {
        String name = firstNonBlank(r.string("full_name"), r.string("business_name"), r.string("user_name"));
        String id = firstNonBlank(r.string("phone_number"), r.string("whatsapp_id"), r.string("lid"));
        if (name == null) return id == null ? "unknown" : id;
        return id == null ? name : name + " (" + id + ")";
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
