package org.cotejo.forensics.android.qf;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * The files AndroidQF listed on the device ({@code files.json}: path, mode, owner, SELinux context, times
 * and hashes), a JSON array or NDJSON, streamed: a listing has hundreds of thousands of entries. An
 * implant dropped in {@code /data/local/tmp/} or a known malicious hash shows here.
 *
 * <p>Records keep AndroidQF's values as written, times included (Unix seconds). Unix seconds are an
 * absolute time, so the timeline converts them to true UTC instants whatever the device's zone; MVT
 * instead rewrites them as the device's wall clock.
 */
public final class AqfFiles implements ArtifactModule {
    static final Location FILES = AndroidQfs.file("files.json");
    private static final List<String> HASHES = List.of("sha256", "sha1", "md5", "sha512");
    private static final List<ObservableType> HASH_TYPES = List.of(ObservableType.SHA256, ObservableType.SHA1,
            ObservableType.MD5, ObservableType.SHA512);

    @Override public String name() { return "AQFFiles"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.ANDROIDQF); }
    @Override public TraceClass trace() { return TraceClass.FILESYSTEM; }
    @Override public String description() { return "Files listed on the device (files.json): paths, modes, times and hashes"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        List<SourceFile> files = ctx.locate(FILES);
        if (files.isEmpty()) return;
        SourceFile file = files.get(0);
        JsonRows.read(ctx.open(file), (value, line, index) -> {
            if (value instanceof Fields entry) {
                ctx.emit(entry, ctx.provenance(file, "line " + line + (line == index + 1 ? "" : ", entry " + index)));
            } else {
                ctx.problem(file, "line " + line + ": entry " + index + " is not a file object; skipped");
            }
        }, message -> ctx.problem(file, message));
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.FILE_PATH, "path", r.string("path"));
        for (int i = 0; i < HASHES.size(); i++) o.add(HASH_TYPES.get(i), HASHES.get(i), r.string(HASHES.get(i)));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        String path = r.text("path");
        String context = r.text("context");
        return FileTimestamps.macb(slug(), context.isEmpty() ? path : path + " (" + context + ")",
                unix(r, "modified_time"), unix(r, "access_time"), unix(r, "changed_time"), false);
    }

    /** A Unix-seconds field as an instant; null when absent, zero (unknown to the listing) or not a number. */
    private static Instant unix(Fields r, String key) {
        Long v = r.longValue(key);
        if (v == null || v == 0) return null;
        try {
            return Instant.ofEpochSecond(v);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
