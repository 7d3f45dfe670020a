package org.cotejo.forensics.ios.preferences;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import java.util.Map;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.PlistFiles;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.plist.PlistValues;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.TraceClass;

/**
 * The phone's global settings ({@code .GlobalPreferences.plist}), one record per setting. Among them
 * is whether Lockdown Mode is on ({@code LDMGlobalEnabled}).
 */
public final class GlobalPreferences implements ArtifactModule {
    static final Location GLOBAL_PREFERENCES = Location.of("HomeDomain", "Library/Preferences/.GlobalPreferences.plist",
            "private/var/mobile/Library/Preferences/.GlobalPreferences.plist");

    @Override public String name() { return "GlobalPreferences"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    @Override public String description() { return "Global settings (.GlobalPreferences.plist), including Lockdown Mode"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        for (SourceFile file : ctx.locate(GLOBAL_PREFERENCES)) {
            NSDictionary settings = PlistFiles.rootDictionary(ctx, file, "global preferences skipped");
            if (settings == null) continue;
            for (Map.Entry<String, NSObject> e : settings.entrySet()) {
                Fields f = Fields.builder().put("entry", e.getKey()).put("value", PlistValues.json(e.getValue())).build();
                ctx.emit(f, ctx.provenance(file, "key \"" + e.getKey() + "\""));
            }
        }
    }
}
