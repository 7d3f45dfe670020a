package org.cotejo.forensics.ios.webkit;

import java.math.BigDecimal;
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
 * The domains WebKit's tracking prevention saw load resources ({@code observations.db}, one per app
 * that embeds a web view, and one for SafariViewService). A domain is recorded even when the page
 * that pulled it in was never in any browser history, which is why exploit servers show up here.
 */
public final class WebkitResourceLoadStatistics implements ArtifactModule {
    static final Location OBSERVATIONS_DB = Location.of(null, "Library/WebKit/WebsiteData/ResourceLoadStatistics/observations.db",
            "private/var/mobile/Containers/Data/Application/*/Library/WebKit/WebsiteData/ResourceLoadStatistics/observations.db",
            "private/var/mobile/Containers/Data/Application/*/SystemData/com.apple.SafariViewService/Library/WebKit/WebsiteData/observations.db");

    private static final List<String> REQUIRED = List.of("domainID", "registrableDomain", "lastSeen", "hadUserInteraction");
    /** Optional columns (newer WebKit) and the record key MVT gives each. */
    private static final Map<String, String> OPTIONAL = Map.of(
            "mostRecentUserInteractionTime", "most_recent_user_interaction_time",
            "mostRecentWebPushInteractionTime", "most_recent_web_push_interaction_time");

    @Override public String name() { return "WebkitResourceLoadStatistics"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    /** The same visits Safari's history shows, seen from WebKit: browsing, not a second independent trace. */
    @Override public TraceClass trace() { return TraceClass.BROWSING; }
    @Override public String description() { return "WebKit resource load statistics (observations.db): domains web views loaded resources from"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(OBSERVATIONS_DB, List.of("ObservedDomains"), "a WebKit observations.db", (file, db) -> {
            List<String> columns = db.columns("ObservedDomains");
            if (!columns.containsAll(REQUIRED)) {
                ctx.problem(file, "no ObservedDomains table with " + String.join(", ", REQUIRED) + "; skipped");
                return;
            }
            List<String> optional = OPTIONAL.keySet().stream().filter(columns::contains).sorted().toList();
            StringBuilder sql = new StringBuilder("SELECT domainID, registrableDomain, lastSeen, hadUserInteraction");
            optional.forEach(c -> sql.append(", ").append(c));
            sql.append(" FROM ObservedDomains ORDER BY domainID");
            db.rows(sql.toString(), row -> {
                Map<String, Object> c = EvidenceDatabase.rowValues(row);
                Fields.Builder f = Fields.builder()
                        .put("domain_id", c.get("domainID"))
                        .put("registrable_domain", c.get("registrableDomain"))
                        .put("last_seen", c.get("lastSeen"))
                        .put("had_user_interaction", truthy(c.get("hadUserInteraction")))
                        .put("last_seen_isodate", IosTime.unixIso(c.get("lastSeen")))
                        .put("domain", file.domain() == null ? "" : file.domain())
                        .put("path", file.path());
                for (String column : optional) {
                    Object raw = c.get(column);
                    String key = OPTIONAL.get(column);
                    f.put(key, raw);
                    if (nonNegative(raw)) f.put(key + "_isodate", IosTime.unixIso(raw));
                }
                ctx.emit(f.build(), ctx.provenance(file, "ObservedDomains domainID " + c.get("domainID")));
            });
        });
    }

    private static boolean truthy(Object v) {
        return v instanceof Number n ? n.doubleValue() != 0 : v != null && !v.toString().isEmpty() && !v.toString().equals("0");
    }

    private static boolean nonNegative(Object v) {
        if (v == null) return false;
        try {
            return new BigDecimal(v.toString().strip()).signum() >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).urlOrHost("registrable_domain", r.string("registrable_domain")).list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("last_seen_isodate"));
        if (t == null) return List.of();
        String data = "Webkit resource loaded from " + r.text("registrable_domain");
        if (!r.text("domain").isEmpty()) data += " by app in domain " + r.text("domain");
        return List.of(new TimelineEvent(t, slug(), "visit", data));
    }
}
