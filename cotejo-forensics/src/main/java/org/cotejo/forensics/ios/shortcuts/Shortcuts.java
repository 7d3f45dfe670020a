package org.cotejo.forensics.ios.shortcuts;

import com.dd.plist.NSArray;
import com.dd.plist.NSObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.Cells;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.plist.Plists;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/**
 * Shortcuts the user (or someone with the unlocked phone) created in the Shortcuts app: their names,
 * dates and actions, with the links those actions open or fetch. A shortcut that quietly calls a
 * server is a way to keep a foothold on a device.
 */
public final class Shortcuts implements ArtifactModule {
    static final Location SHORTCUTS_DB = Location.of("HomeDomain", "Library/Shortcuts/Shortcuts.sqlite",
            "private/var/mobile/Library/Shortcuts/Shortcuts.sqlite");

    private static final String QUERY = "SELECT ZSHORTCUT.Z_PK, ZSHORTCUT.ZNAME, ZSHORTCUT.ZCREATIONDATE, "
            + "ZSHORTCUT.ZMODIFICATIONDATE, ZSHORTCUT.ZACTIONSDESCRIPTION, ZSHORTCUTACTIONS.ZDATA "
            + "FROM ZSHORTCUT LEFT JOIN ZSHORTCUTACTIONS ON ZSHORTCUTACTIONS.ZSHORTCUT = ZSHORTCUT.Z_PK "
            + "ORDER BY ZSHORTCUT.Z_PK, ZSHORTCUTACTIONS.Z_PK";

    @Override public String name() { return "Shortcuts"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Shortcuts (Shortcuts.sqlite): user automations and the links their actions use"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(SHORTCUTS_DB, List.of("ZSHORTCUT", "ZSHORTCUTACTIONS"), "a Shortcuts database", (file, db) ->
                db.rows(QUERY, row -> {
                    long pk = row.getLong(1);
                    Object data = EvidenceDatabase.cell(row, 6);
                    Fields.Builder f = Fields.builder()
                            .put("shortcut_id", pk)
                            .put("shortcut_name", Cells.string(EvidenceDatabase.cell(row, 2)))
                            .put("created_date", EvidenceDatabase.cell(row, 3))
                            .put("modified_date", IosTime.macIso(EvidenceDatabase.cell(row, 4)))
                            .put("description", Cells.string(EvidenceDatabase.cell(row, 5)))
                            .put("action_data", data instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : null)
                            .put("isodate", IosTime.macIso(EvidenceDatabase.cell(row, 3)));
                    NSArray actions = actions(ctx, file, pk, data);
                    f.put("action_urls", actions == null ? null : ActionData.actionUrls(actions));
                    f.put("parsed_actions", actions == null ? null : ActionData.parsedActions(actions));
                    ctx.emit(f.build(), ctx.provenance(file, "ZSHORTCUT Z_PK " + pk));
                }));
    }

    /** The action list, or null (with a problem when there was data that is not one). */
    private static NSArray actions(ModuleContext ctx, SourceFile file, long pk, Object data) {
        if (!(data instanceof byte[] bytes) || bytes.length == 0) return null;
        try {
            NSObject parsed = Plists.parse(bytes, "ZDATA");
            if (parsed instanceof NSArray a) return a;
            ctx.problem(file, "shortcut Z_PK " + pk + ": actions are not a list; they were not read");
        } catch (CotejoException e) {
            ctx.problem(file, "shortcut Z_PK " + pk + ": " + e.getMessage() + "; its actions were not read");
        }
        return null;
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).urls("action_urls", r.strings("action_urls")).list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        String name = "Shortcut '" + r.text("shortcut_name") + "'";
        List<String> urls = r.strings("action_urls");
        String links = urls.isEmpty() ? "" : " (its actions use " + String.join(", ", urls) + ")";
        List<TimelineEvent> out = new ArrayList<>(2);
        Instant created = MvtTime.parse(r.string("isodate"));
        if (created != null) out.add(new TimelineEvent(created, slug(), "shortcut_created", name + " created" + links));
        Instant modified = MvtTime.parse(r.string("modified_date"));
        if (modified != null) out.add(new TimelineEvent(modified, slug(), "shortcut_modified", name + " modified" + links));
        return out;
    }
}
