package org.cotejo.forensics.android.qf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * When each log AndroidQF pulled from the device ({@code logs/}) was last written: for the timeline only,
 * it places the collection's logs in time beside the other events. Record {@code {path, modified_time,
 * device_local}}; {@code device_local} is true when the time is the device's wall clock read as UTC
 * (see {@link EntryTimes}).
 */
public final class AqfLogTimestamps implements ArtifactModule {
    static final Location LOGS = Location.fs("logs/*", "logs/*/*", "*/logs/*", "*/logs/*/*");

    @Override public String name() { return "AQFLogTimestamps"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.ANDROIDQF); }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    @Override public String description() { return "Modification times of the logs AndroidQF pulled (logs/), for the timeline"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        List<SourceFile> files = new ArrayList<>(ctx.locate(LOGS));
        files.sort(Comparator.comparing(SourceFile::path));
        if (files.isEmpty()) return;
        var zone = ctx.extraction().service(DeviceZone.class).orElse(DeviceZone.unknown()).zone();
        try (EntryTimes times = EntryTimes.of(ctx.extraction().service(ArchiveTree.class).orElse(null), zone)) {
            for (SourceFile file : files) {
                Optional<EntryTimes.Time> t = times.of(file.entry());
                ctx.emit(Fields.builder()
                        .put("path", file.path())
                        .put("modified_time", t.map(x -> MvtTime.format(x.instant())).orElse(""))
                        .put("device_local", t.map(EntryTimes.Time::deviceLocal).orElse(false))
                        .build(), ctx.provenance(file, ""));
            }
        }
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        var t = MvtTime.parse(r.string("modified_time"));
        if (t == null) return List.of();
        return FileTimestamps.macb(slug(), r.text("path"), t, null, null, r.truthy("device_local"));
    }
}
