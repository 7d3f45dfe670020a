package org.cotejo.forensics.android.qf;

import java.util.List;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.android.artifacts.GetProp;
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
 * The system properties ({@code getprop.txt}): the build, its security patch level, the time zone, and
 * any property an implant sets for itself. One record per property.
 */
public final class AqfGetProp implements ArtifactModule {
    static final Location GETPROP = AndroidQfs.file("getprop.txt");

    @Override public String name() { return "AQFGetProp"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.ANDROIDQF); }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    @Override public String description() { return "System properties (getprop.txt): build, security patch, time zone"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        List<SourceFile> files = ctx.locate(GETPROP);
        if (files.isEmpty()) return;
        SourceFile file = files.get(0);
        QfText.lines(ctx, file, "a property list", (n, line) -> {
            GetProp.Property p = GetProp.parse(line, n);
            if (p == null) return;
            ctx.emit(Fields.builder().put("name", p.name()).put("value", p.value()).build(), ctx.provenance(file, "line " + n));
        });
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).add(ObservableType.ANDROID_PROPERTY, "name", r.string("name")).list();
    }
}
