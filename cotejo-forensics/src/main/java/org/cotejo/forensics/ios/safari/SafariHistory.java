package org.cotejo.forensics.ios.safari;

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
 * Safari visits from every {@code History.db} (the default profile and each Safari profile, in Safari
 * and in apps that embed its history), with the visit each one was redirected from and to. Whether a
 * redirect looks injected is judged by the detection stage ({@code safari.fast-http-redirect}), which
 * reads {@code redirect_destination} and {@code safari_history_db}.
 */
public final class SafariHistory implements ArtifactModule {
    static final Location HISTORY_DB = Location.of(null, "Library/Safari/History.db",
            "private/var/mobile/Library/Safari/History.db",
            "private/var/mobile/Containers/Data/Application/*/Library/Safari/History.db");
    static final Location PROFILE_HISTORY_DB = Location.of(null, "Library/Safari/Profiles/*/History.db",
            "private/var/mobile/Library/Safari/Profiles/*/History.db",
            "private/var/mobile/Containers/Data/Application/*/Library/Safari/Profiles/*/History.db");

    private static final String VISITS = "SELECT history_items.id AS id, history_items.url AS url,"
            + " history_visits.id AS visit_id, history_visits.visit_time AS visit_time,"
            + " history_visits.redirect_source AS redirect_source,"
            + " history_visits.redirect_destination AS redirect_destination"
            + " FROM history_items JOIN history_visits ON history_visits.history_item = history_items.id"
            + " ORDER BY history_visits.visit_time, history_visits.id";

    @Override public String name() { return "SafariHistory"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.BROWSING; }
    @Override public String description() { return "Safari browsing history (History.db of every profile): visits and their redirects"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        // No file is at both locations, so reading them in turn keeps the order locate() gives for both.
        for (Location where : List.of(HISTORY_DB, PROFILE_HISTORY_DB)) {
            ctx.eachDatabase(where, List.of("history_items", "history_visits"), "a Safari History.db", (file, db) ->
                    db.rows(VISITS, row -> {
                        Map<String, Object> c = EvidenceDatabase.rowValues(row);
                        Fields f = Fields.builder()
                                .put("id", c.get("id"))
                                .put("url", c.get("url"))
                                .put("visit_id", c.get("visit_id"))
                                .put("timestamp", c.get("visit_time"))
                                .put("isodate", IosTime.macIso(c.get("visit_time")))
                                .put("redirect_source", c.get("redirect_source"))
                                .put("redirect_destination", c.get("redirect_destination"))
                                .put("safari_history_db", file.path())
                                .build();
                        ctx.emit(f, ctx.provenance(file, "history_visits id " + c.get("visit_id")));
                    }));
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
        return List.of(new TimelineEvent(t, slug(), "safari_history",
                "Safari visit to " + r.text("url") + " (ID: " + r.text("id") + ", Visit ID: " + r.text("visit_id") + ")"));
    }
}
