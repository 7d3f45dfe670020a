package org.cotejo.forensics.ios.firefox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/** Firefox for iOS favicons ({@code browser.db}): each icon with the page it was shown for. */
public final class FirefoxFavicon implements ArtifactModule {
    private static final String ICONS = "SELECT favicons.id AS id, favicons.url AS url, favicons.width AS width,"
            + " favicons.height AS height, favicons.type AS type, favicons.date AS date,"
            + " history.id AS history_id, history.url AS history_url"
            + " FROM favicons INNER JOIN favicon_sites ON favicon_sites.faviconID = favicons.id"
            + " INNER JOIN history ON favicon_sites.siteID = history.id ORDER BY favicons.id, history.id";

    @Override public String name() { return "FirefoxFavicon"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.BROWSING; }
    @Override public String description() { return "Firefox for iOS favicons (browser.db): icons and the pages that showed them"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(FirefoxHistory.BROWSER_DB, List.of("favicons", "favicon_sites", "history"), "a Firefox browser.db",
                (file, db) -> db.rows(ICONS, row -> {
                    Map<String, Object> c = EvidenceDatabase.rowValues(row);
                    Fields f = Fields.builder()
                            .put("id", c.get("id"))
                            .put("url", c.get("url"))
                            .put("width", c.get("width"))
                            .put("height", c.get("height"))
                            .put("type", c.get("type"))
                            .put("isodate", IosTime.unixIso(c.get("date")))
                            .put("history_id", c.get("history_id"))
                            .put("history_url", c.get("history_url"))
                            .put("timestamp", c.get("date"))
                            .build();
                    ctx.emit(f, ctx.provenance(file, "favicons id " + c.get("id") + ", history id " + c.get("history_id")));
                }));
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace())
                .urlOrHost("url", r.string("url"))
                .urlOrHost("history_url", r.string("history_url"))
                .list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("isodate"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "firefox_history",
                "Firefox favicon " + r.text("url") + " when visiting " + r.text("history_url")));
    }
}
