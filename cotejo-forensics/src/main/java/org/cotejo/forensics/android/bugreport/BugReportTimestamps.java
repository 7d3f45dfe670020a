package org.cotejo.forensics.android.bugreport;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * Modification times of the device files a bugreport copies under {@code FS/} (tombstones, ANR traces,
 * recovery logs): when each crash or log was written. Record {@code {path, modified_time}}. In a zip the
 * time is the entry's DOS date, the device's wall clock when the bugreport was packed: it is kept as
 * that wall clock, with {@code time_zone} when the properties name the device's zone (else the timeline
 * marks it device-local). In an unpacked folder it is the file's own modification time, in UTC.
 */
public final class BugReportTimestamps implements ArtifactModule {
    static final String FS = "FS/";

    @Override public String name() { return "BugReportTimestamps"; }
    @Override public String slug() { return "bugreport_timestamps"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.BUGREPORT); }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    @Override public String description() { return "Modification times of the files under FS/ in a bugreport"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        boolean zip = ctx.extraction().service(ArchiveTree.class).isPresent();
        Optional<Dumpstate> dumpstate = ctx.extraction().service(Dumpstate.class);
        String zone = zip && dumpstate.isPresent() ? dumpstate.get().timeZone().map(ZoneId::getId).orElse(null) : "UTC";
        List<FileEntry> files = new ArrayList<>();
        ctx.extraction().tree().walk(e -> {
            if (e.isFile() && e.path().startsWith(FS)) files.add(e);
        });
        for (FileEntry e : files) {
            String time = "";
            if (e.modified() != null) {
                Instant wall = zip ? LocalDateTime.ofInstant(e.modified(), ZoneId.systemDefault()).toInstant(ZoneOffset.UTC) : e.modified();
                time = MvtTime.format(wall);
            }
            SourceFile file = SourceFile.of(e);
            Fields.Builder b = Fields.builder().put("path", e.path()).put("modified_time", time);
            ctx.emit(b.putIfPresent("time_zone", zone).build(), ctx.provenance(file, ""));
        }
    }

    /** One event, "M---" (modified; the archive keeps no access, change or birth time). */
    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant wall = MvtTime.parse(r.string("modified_time"));
        if (wall == null) return List.of();
        String zone = r.string("time_zone");
        if (zone == null) return List.of(new TimelineEvent(wall, slug(), "M---", r.text("path"), true));
        Instant t = LocalDateTime.ofInstant(wall, ZoneOffset.UTC).atZone(ZoneId.of(zone)).toInstant();
        return List.of(new TimelineEvent(t, slug(), "M---", r.text("path"), false));
    }
}
