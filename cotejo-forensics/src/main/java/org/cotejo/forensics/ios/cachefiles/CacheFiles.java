package org.cotejo.forensics.ios.cachefiles;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.ios.Cells;
import org.cotejo.forensics.module.ArtifactModule;
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
 * The URL caches apps keep through Apple's networking stack ({@code Cache.db}, table
 * {@code cfurl_cache_response}): every URL an app fetched and cached, wherever the app lives.
 *
 * <p>MVT writes a dictionary from cache path to rows; Cotejo writes flat rows and names the cache in
 * {@code cache_file}, the field MVT adds to the alert it raises for such a row.
 */
public final class CacheFiles implements ArtifactModule {
    /** Any file with exactly this name, anywhere in the dump. */
    static final String FILE_NAME = "Cache.db";
    static final String TABLE = "cfurl_cache_response";
    /**
     * MVT reads the columns by position, not by name: entry_ID, version, hash_value, storage_policy,
     * request_key, time_stamp.
     */
    private static final List<String> FIELDS = List.of("entry_id", "version", "hash_value", "storage_policy", "url", "isodate");

    @Override public String name() { return "CacheFiles"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.NETWORK; }
    @Override public String description() { return "URLs apps fetched and cached (every Cache.db in the dump)"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        for (SourceFile file : cacheDatabases(ctx)) {
            try (EvidenceDatabase db = ctx.database(file)) {
                if (!db.hasTable(TABLE)) {
                    // Either the schema is unreadable (said in problems) or another kind of database
                    // that happens to be called Cache.db: nothing of ours in it.
                    db.problems().forEach(p -> ctx.problem(file, p + "; cache database skipped"));
                    continue;
                }
                db.rows("SELECT * FROM " + TABLE + " ORDER BY 1", row -> {
                    Fields.Builder f = Fields.builder();
                    for (int i = 0; i < FIELDS.size() && i < row.getMetaData().getColumnCount(); i++) {
                        // Old caches store text columns as blobs: read as UTF-8, the way MVT's JSON writer shows them.
                        f.put(FIELDS.get(i), Cells.text(EvidenceDatabase.cell(row, i + 1)));
                    }
                    f.put("cache_file", file.path());
                    Fields fields = f.build();
                    ctx.emit(fields, ctx.provenance(file, TABLE + " entry_ID " + fields.text("entry_id")));
                });
                db.problems().forEach(p -> ctx.problem(file, p));
            } catch (CotejoException | SQLException | IOException e) {
                ctx.problem(file, "cache database skipped: " + e.getMessage());
            }
        }
    }

    /** Every regular file named Cache.db, in path order, from one walk over the dump. */
    private static List<SourceFile> cacheDatabases(ModuleContext ctx) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        ctx.extraction().tree().walk((FileEntry e) -> {
            if (e.isFile() && e.name().equals(FILE_NAME)) out.add(SourceFile.of(e));
        });
        return out;
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).urlOrHost("url", r.string("url")).list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("isodate"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "cache_response",
                r.text("cache_file") + " recorded visit to URL " + r.text("url")));
    }
}
