package org.cotejo.forensics.android.qf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The root binaries AndroidQF found on the device ({@code root_binaries.json}, a JSON list of paths):
 * {@code su}, Magisk, BusyBox... A rooted phone lets an implant do anything, and spyware vendors root
 * phones to install theirs. One record per path, named and described.
 */
public final class RootBinaries implements ArtifactModule {
    static final Location ROOT_BINARIES = AndroidQfs.file("root_binaries.json");
    /** Known binaries by lower-cased file name, as AndroidQF looks for them. */
    static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("su", "SuperUser binary");
        KNOWN.put("busybox", "BusyBox utilities");
        KNOWN.put("supersu", "SuperSU root management");
        KNOWN.put("superuser.apk", "Superuser app");
        KNOWN.put("kingouser.apk", "KingRoot app");
        KNOWN.put("supersu.apk", "SuperSU app");
        KNOWN.put("magisk", "Magisk root framework");
        KNOWN.put("magiskhide", "Magisk hide utility");
        KNOWN.put("magiskinit", "Magisk init binary");
        KNOWN.put("magiskpolicy", "Magisk policy binary");
    }

    @Override public String name() { return "RootBinaries"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.ANDROIDQF); }
    @Override public TraceClass trace() { return TraceClass.FILESYSTEM; }
    @Override public String description() { return "Root binaries found on the device (root_binaries.json): su, Magisk, BusyBox"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        List<SourceFile> files = ctx.locate(ROOT_BINARIES);
        if (files.isEmpty()) return;
        SourceFile file = files.get(0);
        JsonRows.read(ctx.open(file), (value, line, index) -> {
            if (!(value instanceof String s) || s.isBlank()) {
                ctx.problem(file, "line " + line + ": entry " + index + " is not a path; skipped");
                return;
            }
            String path = s.strip();
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            ctx.emit(Fields.builder().put("path", path).put("binary_name", name)
                    .put("description", KNOWN.getOrDefault(name, "Unknown root binary")).build(),
                    ctx.provenance(file, "root_binaries[" + index + "] (line " + line + ")"));
        }, message -> ctx.problem(file, message));
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).add(ObservableType.FILE_PATH, "path", r.string("path")).list();
    }
}
