package org.cotejo.forensics.ios.tcc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.FilePaths;
import org.cotejo.core.observable.ObservableType;
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
 * Privacy permissions (microphone, camera, photos, contacts...) granted or refused to each app or
 * program, from {@code TCC.db}. Three schemas exist: v3 (iOS 14+, {@code auth_value}), v2
 * ({@code allowed} and {@code last_modified}) and v1 (no time).
 */
public final class Tcc implements ArtifactModule {
    static final Location TCC_DB = Location.of("HomeDomain", "Library/TCC/TCC.db", "private/var/mobile/Library/TCC/TCC.db");

    private static final Map<Long, String> AUTH_VALUES = Map.of(0L, "denied", 1L, "unknown", 2L, "allowed", 3L, "limited");
    private static final Map<Long, String> AUTH_REASONS = Map.ofEntries(
            Map.entry(1L, "error"), Map.entry(2L, "user_consent"), Map.entry(3L, "user_set"), Map.entry(4L, "system_set"),
            Map.entry(5L, "service_policy"), Map.entry(6L, "mdm_policy"), Map.entry(7L, "override_policy"),
            Map.entry(8L, "missing_usage_string"), Map.entry(9L, "prompt_timeout"), Map.entry(10L, "preflight_unknown"),
            Map.entry(11L, "entitled"), Map.entry(12L, "app_type_policy"));
    private static final Map<Long, String> ALLOWED_VALUES = Map.of(0L, "denied", 1L, "allowed");

    @Override public String name() { return "TCC"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Privacy permissions granted or refused to apps and programs (TCC.db)"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(TCC_DB, List.of("access"), "a TCC database", (file, db) -> {
            String sql = query(db.columns("access"));
            if (sql == null) {
                ctx.problem(file, "no access table with a known TCC schema; permissions skipped");
                return;
            }
            db.rows(sql, row -> {
                Map<String, Object> cells = EvidenceDatabase.rowValues(row);
                ctx.emit(record(cells), ctx.provenance(file, "access ROWID " + cells.get("access_rowid")));
            });
        });
    }

    /** The query of the schema these columns of {@code access} belong to: v3, v2, v1; null for none of them. */
    private static String query(List<String> columns) {
        String select = "SELECT rowid AS access_rowid, service, client, client_type, ";
        if (columns.contains("auth_value")) return select + "auth_value, auth_reason, last_modified FROM access ORDER BY rowid";
        if (!columns.contains("allowed")) return null;
        return select + "allowed, prompt_count" + (columns.contains("last_modified") ? ", last_modified" : "") + " FROM access ORDER BY rowid";
    }

    private static Fields record(Map<String, Object> c) {
        Fields.Builder f = Fields.builder()
                .put("service", c.get("service"))
                .put("client", c.get("client"))
                .put("client_type", Long.valueOf(0L).equals(c.get("client_type")) ? "bundle_id" : "absolute_path");
        if (c.containsKey("auth_value")) {
            f.put("auth_value", AUTH_VALUES.getOrDefault(c.get("auth_value"), ""))
                    .put("auth_reason_desc", AUTH_REASONS.getOrDefault(c.get("auth_reason"), "unknown"));
        } else {
            f.put("allowed_value", ALLOWED_VALUES.getOrDefault(c.get("allowed"), ""))
                    .put("prompt_count", c.get("prompt_count"));
        }
        if (c.containsKey("last_modified")) f.put("last_modified", IosTime.unixIso(c.get("last_modified")));
        return f.build();
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String client = r.string("client");
        if (client == null) return o.list();
        boolean path = "absolute_path".equals(r.string("client_type")) || (!r.has("client_type") && client.contains("/"));
        if (path) {
            o.add(ObservableType.FILE_PATH, "client", client);
            o.add(ObservableType.PROCESS_NAME, "client", FilePaths.baseName(client));
        } else {
            o.add(ObservableType.APP_ID, "client", client);
            o.add(ObservableType.PROCESS_NAME, "client", client);
        }
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("last_modified"));
        if (t == null) return List.of();
        String outcome = r.has("auth_value") ? r.text("auth_value") : r.text("allowed_value");
        return List.of(new TimelineEvent(t, slug(), "AccessRequest",
                "Access to " + r.text("service") + " by " + r.text("client") + " " + outcome));
    }
}
