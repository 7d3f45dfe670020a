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

/** Chrome for iOS visits ({@code History}): each visit with its URL and the visit it came from. */
public final class ChromeHistory implements ArtifactModule {
    static final String CHROME_DOMAIN = "AppDomain-com.google.chrome.ios";
    static final String CHROME_FOLDER = "Library/Application Support/Google/Chrome/Default/";
    static final String CONTAINERS = "private/var/mobile/Containers/Data/Application/*/";
    static final Location HISTORY = Location.of(CHROME_DOMAIN, CHROME_FOLDER + "History", CONTAINERS + CHROME_FOLDER + "History");

    private static final String VISITS = "SELECT urls.id AS id, urls.url AS url, visits.id AS visit_id,"
            + " visits.visit_time AS visit_time, visits.from_visit AS from_visit"
            + " FROM urls JOIN visits ON visits.url = urls.id ORDER BY visits.visit_time, visits.id";

    @Override public String name() { return "ChromeHistory"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.BROWSING; }
    @Override public String description() { return "Chrome for iOS browsing history (History): visits and where they came from"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(HISTORY, List.of("urls", "visits"), "a Chrome History database", (file, db) ->
                db.rows(VISITS, row -> {
                    Map<String, Object> c = EvidenceDatabase.rowValues(row);
                    Fields f = Fields.builder()
                            .put("id", c.get("id"))
                            .put("url", c.get("url"))
                            .put("visit_id", c.get("visit_id"))
                            .put("timestamp", c.get("visit_time"))
                            .put("isodate", ChromeTime.iso(c.get("visit_time")))
                            .put("redirect_source", c.get("from_visit"))
                            .build();
                    ctx.emit(f, ctx.provenance(file, "visits id " + c.get("visit_id")));
                }));
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).urlOrHost("url", r.string("url")).list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("isodate"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "visit", r.text("id") + " - " + r.text("url")
                + " (visit ID: " + r.text("visit_id") + ", redirect source: " + r.text("redirect_source") + ")"));
    }
}
