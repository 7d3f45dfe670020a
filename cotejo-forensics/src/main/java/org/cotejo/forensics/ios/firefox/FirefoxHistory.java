package org.cotejo.forensics.ios.firefox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Firefox for iOS visits ({@code browser.db}). Visit times are PRTime (microseconds since 1970); like
 * MVT the record's {@code isodate} is in whole seconds, and {@code timestamp} keeps the exact value.
 */
public final class FirefoxHistory implements ArtifactModule {
    /**
     * MVT looks for {@code private/var/mobile/profile.profile/browser.db} in dumps; the app group
     * container, where the backup domain says the file lives, is searched too.
     */
    static final Location BROWSER_DB = Location.of("AppDomainGroup-group.org.mozilla.ios.Firefox", "profile.profile/browser.db",
            "private/var/mobile/profile.profile/browser.db",
            "private/var/mobile/Containers/Shared/AppGroup/*/profile.profile/browser.db");

    private static final String VISITS = "SELECT visits.id AS id, visits.date AS date, history.url AS url,"
            + " history.title AS title, visits.is_local AS is_local, visits.type AS type"
            + " FROM visits, history WHERE visits.siteID = history.id ORDER BY visits.id";

    @Override public String name() { return "FirefoxHistory"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.BROWSING; }
    @Override public String description() { return "Firefox for iOS browsing history (browser.db): visits"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(BROWSER_DB, List.of("visits", "history"), "a Firefox browser.db", (file, db) ->
                db.rows(VISITS, row -> {
                    Map<String, Object> c = EvidenceDatabase.rowValues(row);
                    Fields f = Fields.builder()
                            .put("id", c.get("id"))
                            .put("isodate", IosTime.unixIso(wholeSeconds(c.get("date"))))
                            .put("url", c.get("url"))
                            .put("title", c.get("title"))
                            // MVT's key (a typo for is_local), kept so its scripts read our JSON.
                            .put("i1000000s_local", c.get("is_local"))
                            .put("type", c.get("type"))
                            .put("is_local", c.get("is_local"))
                            .put("timestamp", c.get("date"))
                            .build();
                    ctx.emit(f, ctx.provenance(file, "visits id " + c.get("id")));
                }));
    }

    /** PRTime microseconds to whole Unix seconds, as MVT's SQL integer division gives them; null when not a number. */
    static Long wholeSeconds(Object prTime) {
        if (prTime == null) return null;
        try {
            return new BigDecimal(prTime.toString().strip()).divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.DOWN).longValueExact();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).urlOrHost("url", r.string("url")).list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("isodate"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "firefox_history",
                "Firefox visit with ID " + r.text("id") + " to URL: " + r.text("url")));
    }
}
