package org.cotejo.forensics.android.qf;

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
import org.cotejo.forensics.record.TraceClass;

/**
 * The mounted filesystems ({@code mounts.json}: a JSON list of {@code mount} output, one or more lines
 * per element). A system partition mounted read-write means the signed system image can be changed,
 * which is how rootkits persist. One record per mount line; lines of another shape are skipped.
 */
public final class Mounts implements ArtifactModule {
    static final Location MOUNTS = AndroidQfs.file("mounts.json");

    @Override public String name() { return "Mounts"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.ANDROIDQF); }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Mounted filesystems (mounts.json): system partitions mounted read-write"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        List<SourceFile> files = ctx.locate(MOUNTS);
        if (files.isEmpty()) return;
        SourceFile file = files.get(0);
        JsonRows.read(ctx.open(file), (value, line, index) -> {
            if (!(value instanceof String text)) {
                ctx.problem(file, "line " + line + ": entry " + index + " is not text; skipped");
                return;
            }
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                Fields mount = MountLines.parse(lines[i]);
                if (mount != null) {
                    ctx.emit(mount, ctx.provenance(file, "mounts[" + index + "]" + (lines.length > 1 ? " line " + (i + 1) : "")
                            + " (line " + line + ")"));
                }
            }
        }, message -> ctx.problem(file, message));
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace())
                .add(ObservableType.FILE_PATH, "mount_point", r.string("mount_point"))
                .add(ObservableType.FILE_PATH, "device", r.string("device"))
                .list();
    }
}
