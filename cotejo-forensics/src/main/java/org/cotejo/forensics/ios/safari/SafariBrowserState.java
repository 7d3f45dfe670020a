package org.cotejo.forensics.ios.safari;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/**
 * Safari's open tabs ({@code BrowserState.db}) with each tab's back/forward list. Since iOS 12 the list
 * lives in {@code tab_sessions}; before, in a {@code session_data} column of {@code tabs} itself.
 */
public final class SafariBrowserState implements ArtifactModule {
    static final Location BROWSER_STATE_DB = Location.of(null, "Library/Safari/BrowserState.db",
            "private/var/mobile/Library/Safari/BrowserState.db",
            "private/var/mobile/Containers/Data/Application/*/Library/Safari/BrowserState.db");
    static final Location PROFILE_BROWSER_STATE_DB = Location.of(null, "Library/Safari/Profiles/*/BrowserState.db",
            "private/var/mobile/Library/Safari/Profiles/*/BrowserState.db",
            "private/var/mobile/Containers/Data/Application/*/Library/Safari/Profiles/*/BrowserState.db");

    private static final String COLUMNS = "SELECT tabs.rowid AS tab_rowid, tabs.title AS title, tabs.url AS url,"
            + " tabs.user_visible_url AS user_visible_url, tabs.last_viewed_time AS last_viewed_time, ";
    private static final String SINCE_IOS_12 = COLUMNS + "tab_sessions.session_data AS session_data"
            + " FROM tabs JOIN tab_sessions ON tabs.uuid = tab_sessions.tab_uuid ORDER BY tabs.last_viewed_time, tabs.rowid";
    private static final String BEFORE_IOS_12 = COLUMNS + "tabs.session_data AS session_data"
            + " FROM tabs ORDER BY tabs.last_viewed_time, tabs.rowid";
    private static final String WITHOUT_SESSIONS = COLUMNS + "NULL AS session_data"
            + " FROM tabs ORDER BY tabs.last_viewed_time, tabs.rowid";

    @Override public String name() { return "SafariBrowserState"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.BROWSING; }
    @Override public String description() { return "Safari open tabs (BrowserState.db) and the pages each tab went through"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        // No file is at both locations, so reading them in turn keeps the order locate() gives for both.
        for (Location where : List.of(BROWSER_STATE_DB, PROFILE_BROWSER_STATE_DB)) {
            ctx.eachDatabase(where, List.of("tabs"), "a Safari BrowserState.db", (file, db) ->
                    db.rows(query(db), row -> {
                        Map<String, Object> c = EvidenceDatabase.rowValues(row);
                        String locator = "tabs ROWID " + c.get("tab_rowid");
                        ctx.emit(tab(ctx, file, locator, c), ctx.provenance(file, locator));
                    }));
        }
    }

    /** One tab's record; a session history that cannot be read is a problem, the tab is kept without it. */
    private static Fields tab(ModuleContext ctx, SourceFile file, String locator, Map<String, Object> c) {
        List<Map<String, Object>> entries = List.of();
        try {
            entries = SessionHistory.entries(blob(c.get("session_data")), file.logical() + " " + locator);
        } catch (CotejoException e) {
            ctx.problem(file, e.getMessage() + "; tab kept without its session history");
        }
        return Fields.builder()
                .put("tab_title", c.get("title"))
                .put("tab_url", c.get("url"))
                .put("tab_visible_url", c.get("user_visible_url"))
                .put("last_viewed_timestamp", IosTime.macIso(c.get("last_viewed_time")))
                .put("last_viewed_time", c.get("last_viewed_time"))
                .put("session_data", entries)
                .put("safari_browser_state_db", file.path())
                .build();
    }

    /** The tab query this schema supports: tab_sessions since iOS 12, tabs.session_data before. */
    private static String query(EvidenceDatabase db) {
        if (db.hasTable("tab_sessions")) return SINCE_IOS_12;
        return db.columns("tabs").contains("session_data") ? BEFORE_IOS_12 : WITHOUT_SESSIONS;
    }

    /** A blob cell; a session stored as text (never seen, but SQLite allows it) is read as its bytes. */
    private static byte[] blob(Object cell) {
        if (cell instanceof String s) return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return cell instanceof byte[] b ? b : null;
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.urlOrHost("tab_url", r.string("tab_url"));
        o.urlOrHost("tab_visible_url", r.string("tab_visible_url"));
        List<?> entries = r.list("session_data");
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> e)) continue;
            o.urlOrHost("session_data[" + i + "].entry_url", text(e.get("entry_url")));
            // MVT's entry_title holds the entry's original URL: the page before any redirect. Only
            // URL-shaped values are taken, so a real page title is never read as a host name.
            String original = text(e.get("entry_title"));
            if (original != null && original.contains("://")) o.urlOrHost("session_data[" + i + "].entry_title", original);
        }
        return o.list();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("last_viewed_timestamp"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "tab", r.text("tab_title") + " - " + r.text("tab_url")));
    }
}
