package org.cotejo.forensics.ios.filesystem;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * Every folder and file of a filesystem dump with its modification time: where an implant's files
 * would be, even when no artifact database mentions them. Records stream in path order, one per entry.
 */
public final class Filesystem implements ArtifactModule {

    @Override public String name() { return "Filesystem"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.FILESYSTEM; }
    @Override public String description() { return "Every folder and file of the dump, with its modification time"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.extraction().tree().walk(entry -> {
            Fields f = Fields.builder()
                    .put("path", entry.path())
                    // An archive may not record a time; the path alone is still worth matching.
                    .put("modified", MvtTime.format(entry.modified()))
                    .build();
            ctx.emit(f, ListedEntries.provenance(entry));
        });
    }

    /**
     * The path as the phone sees it ("/" + the dump path), which file-path indicators are written
     * against; and the entry's own name as a process name, because MVT also flags a path that has a
     * process indicator as one of its components (each component is the name of some listed entry,
     * so the name of each entry covers them all, once).
     */
    @Override
    public List<ObservedValue> observe(Fields r) {
        String path = r.string("path");
        if (path == null || path.isEmpty()) return List.of();
        String absolute = path.startsWith("/") ? path : "/" + path;
        String name = absolute.substring(absolute.lastIndexOf('/') + 1);
        return new Observations(trace())
                .add(ObservableType.FILE_PATH, "path", absolute)
                .add(ObservableType.PROCESS_NAME, "path", name)
                .list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("modified"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "entry_modified", r.text("path")));
    }
}
