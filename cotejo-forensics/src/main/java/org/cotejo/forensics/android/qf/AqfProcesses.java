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
 * The processes running during the acquisition ({@code ps.txt}, {@code ps -A}): a running implant shows
 * here by its process name, which for an Android app is its package name. One record per process.
 */
public final class AqfProcesses implements ArtifactModule {
    static final Location PS = AndroidQfs.file("ps.txt");

    @Override public String name() { return "AQFProcesses"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.ANDROIDQF); }
    @Override public TraceClass trace() { return TraceClass.EXECUTION; }
    @Override public String description() { return "Processes running during the acquisition (ps.txt)"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        List<SourceFile> files = ctx.locate(PS);
        if (files.isEmpty()) return;
        SourceFile file = files.get(0);
        QfText.lines(ctx, file, "a process list", (n, line) -> {
            if (n == 1 || line.isBlank()) return; // the column header
            try {
                ctx.emit(ProcessList.parse(line), ctx.provenance(file, "line " + n));
            } catch (IllegalArgumentException e) {
                ctx.problem(file, "line " + n + ": " + e.getMessage() + "; skipped");
            }
        });
    }

    /** The process name as an app id and a process name; a name that is a path also by its last part, and as a path. */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String name = r.string("proc_name");
        if (name == null || name.isBlank()) return o.list();
        o.add(ObservableType.APP_ID, "proc_name", name);
        o.add(ObservableType.PROCESS_NAME, "proc_name", name);
        if (name.startsWith("/")) { // a binary started by path ("/system/bin/vold"); kernel threads ("kworker/0:1") are not paths
            o.add(ObservableType.PROCESS_NAME, "proc_name", name.substring(name.lastIndexOf('/') + 1));
            o.add(ObservableType.FILE_PATH, "proc_name", name);
        }
        return o.list();
    }
}
