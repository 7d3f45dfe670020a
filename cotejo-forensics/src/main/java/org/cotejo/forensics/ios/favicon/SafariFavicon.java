package org.cotejo.forensics.ios.favicon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
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
 * Safari's favicon cache ({@code Favicons.db}): the pages whose icons Safari fetched ("valid") and
 * the icons it tried and refused ("rejected"). A page stays here after its history entry is deleted.
 */
public final class SafariFavicon implements ArtifactModule {
    static final Location FAVICONS = Location.fs(
            "private/var/mobile/Library/Image Cache/Favicons/Favicons.db",
            "private/var/mobile/Containers/Data/Application/*/Library/Image Cache/Favicons/Favicons.db");

    /** Fetched icons: the page (page_url) joined to its icon (icon_info) by uuid. */
    private static final String VALID = "SELECT 'valid' AS type, page_url.url AS url, icon_info.url AS icon_url, "
            + "icon_info.timestamp AS timestamp, 'page_url ROWID ' || page_url.rowid AS locator "
            + "FROM page_url JOIN icon_info ON page_url.uuid = icon_info.uuid";
    private static final String REJECTED = "SELECT 'rejected' AS type, page_url AS url, icon_url, timestamp, "
            + "'rejected_resources ROWID ' || rowid AS locator FROM rejected_resources";

    @Override public String name() { return "SafariFavicon"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.BROWSING; }
    @Override public String description() { return "Safari favicon cache (Favicons.db): pages and icon URLs, fetched and rejected"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        // Either kind of table will do, so the check is here, not eachDatabase's.
        ctx.eachDatabase(FAVICONS, List.of(), "a Safari Favicons.db", (file, db) -> {
            List<String> parts = new ArrayList<>();
            if (db.hasTable("page_url") && db.hasTable("icon_info")) parts.add(VALID);
            if (db.hasTable("rejected_resources")) parts.add(REJECTED);
            if (parts.isEmpty()) {
                ctx.problem(file, "no page_url/icon_info or rejected_resources table; not a Safari Favicons.db, skipped");
                return;
            }
            // One query for both kinds so each database's rows come out in time order, as MVT sorts them.
            db.rows(String.join(" UNION ALL ", parts) + " ORDER BY timestamp, type DESC, locator", row -> {
                Object timestamp = EvidenceDatabase.cell(row, 4);
                Fields f = Fields.builder()
                        .put("url", row.getString("url"))
                        .put("icon_url", row.getString("icon_url"))
                        .put("timestamp", timestamp)
                        .put("isodate", IosTime.macIso(timestamp))
                        .put("type", row.getString("type"))
                        .put("safari_favicon_db_path", file.path())
                        .build();
                ctx.emit(f, ctx.provenance(file, row.getString("locator")));
            });
        });
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace())
                .urlOrHost("url", r.string("url"))
                .urlOrHost("icon_url", r.string("icon_url"))
                .list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("isodate"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "safari_favicon",
                "Safari favicon from " + r.text("url") + " with icon URL " + r.text("icon_url") + " (" + r.text("type") + ")"));
    }
}
