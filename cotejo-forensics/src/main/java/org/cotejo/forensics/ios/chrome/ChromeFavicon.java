package org.cotejo.forensics.ios.chrome;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
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
 * Chrome for iOS favicons ({@code Favicons}): which page showed which icon, and when the icon was
 * fetched. Favicons outlive history: a page deleted from History may still be here.
 */
public final class ChromeFavicon implements ArtifactModule {
    static final Location FAVICONS = Location.of(ChromeHistory.CHROME_DOMAIN, ChromeHistory.CHROME_FOLDER + "Favicons",
            ChromeHistory.CONTAINERS + ChromeHistory.CHROME_FOLDER + "Favicons");

    /** MVT sorts the records by time after reading them; the same order comes straight from SQLite here. */
    private static final String ICONS = "SELECT icon_mapping.id AS mapping_id, icon_mapping.page_url AS page_url,"
            + " favicons.url AS icon_url, favicon_bitmaps.last_updated AS last_updated,"
            + " favicon_bitmaps.last_requested AS last_requested,"
            + " CASE WHEN favicon_bitmaps.last_updated = 0 THEN favicon_bitmaps.last_requested"
            + " ELSE favicon_bitmaps.last_updated END AS timestamp"
            + " FROM icon_mapping JOIN favicon_bitmaps ON icon_mapping.icon_id = favicon_bitmaps.icon_id"
            + " JOIN favicons ON icon_mapping.icon_id = favicons.id"
            + " ORDER BY timestamp, icon_mapping.id, favicon_bitmaps.id";

    @Override public String name() { return "ChromeFavicon"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.BROWSING; }
    @Override public String description() { return "Chrome for iOS favicons (Favicons): pages and the icons they loaded"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(FAVICONS, List.of("icon_mapping", "favicon_bitmaps", "favicons"), "a Chrome Favicons database",
                (file, db) -> db.rows(ICONS, row -> {
                    Map<String, Object> c = EvidenceDatabase.rowValues(row);
                    Fields f = Fields.builder()
                            .put("url", c.get("page_url"))
                            .put("icon_url", c.get("icon_url"))
                            .put("timestamp", c.get("timestamp"))
                            .put("isodate", ChromeTime.iso(c.get("timestamp")))
                            .build();
                    ctx.emit(f, ctx.provenance(file, "icon_mapping id " + c.get("mapping_id")));
                }));
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
        return List.of(new TimelineEvent(t, slug(), "new_favicon", r.text("icon_url") + " from " + r.text("url")));
    }
}
