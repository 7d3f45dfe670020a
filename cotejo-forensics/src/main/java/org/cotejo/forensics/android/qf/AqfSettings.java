package org.cotejo.forensics.android.qf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.TraceClass;

/**
 * The Android settings ({@code settings_global.txt}, {@code settings_secure.txt}, {@code settings_system.txt}):
 * {@code key=value} lines, the namespace taken from the file name. Turning off Play Protect or ADB-install
 * verification is how stalkerware gets installed; the dangerous-settings rule reads these records.
 *
 * <p>One record per setting, {@code {namespace, key, value}}; MVT keeps one map per namespace instead.
 */
public final class AqfSettings implements ArtifactModule {
    static final Location SETTINGS = Location.fs("settings_*.txt", "*/settings_*.txt");

    @Override public String name() { return "AQFSettings"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.ANDROIDQF); }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Android settings (settings_*.txt): Play Protect, ADB install checks, accessibility"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        List<SourceFile> files = new ArrayList<>(ctx.locate(SETTINGS));
        files.sort(Comparator.comparing(SourceFile::path));
        for (SourceFile file : files) {
            String namespace = namespace(file.name());
            QfText.lines(ctx, file, "a settings list", (n, line) -> {
                int eq = line.indexOf('=');
                if (eq < 0) return;
                ctx.emit(Fields.builder().put("namespace", namespace).put("key", line.substring(0, eq))
                        .put("value", line.substring(eq + 1)).build(), ctx.provenance(file, "line " + n));
            });
        }
    }

    /** "settings_secure.txt" → "secure": the text between the last '_' and ".txt". */
    static String namespace(String fileName) {
        String stem = fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : fileName;
        return stem.substring(stem.lastIndexOf('_') + 1);
    }
}
