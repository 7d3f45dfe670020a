package org.cotejo.forensics.ios.profiles;

import com.dd.plist.NSDictionary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.PlistFiles;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.plist.PlistValues;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * Installed configuration profiles: each {@code profile-*} file of the configuration-profiles system
 * group, one record per profile. A profile can route traffic, trust certificates or silence
 * notifications, and some spyware installs one.
 */
public final class ConfigurationProfiles implements ArtifactModule {
    /** Every file of this domain; only those named {@code profile-…} are profiles. */
    static final Location PROFILES = Location.backup("SysSharedContainerDomain-systemgroup.com.apple.configurationprofiles", null);

    @Override public String name() { return "ConfigurationProfiles"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP); }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Installed configuration profiles (payload types, signers, install dates)"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        for (SourceFile file : ctx.locate(PROFILES)) {
            if (!file.name().startsWith("profile-")) continue;
            // Like MVT, a profile file that does not parse is still listed (with an empty plist): its
            // presence and file id say a profile was there.
            NSDictionary root = PlistFiles.rootDictionary(ctx, file, "listed without its content");
            Map<String, Object> plist = root == null ? Map.of() : PlistValues.fields(root).asMap();
            Fields f = Fields.builder()
                    .put("file_id", file.fileId())
                    .put("relative_path", file.relativePath())
                    .put("domain", file.domain())
                    .put("plist", plist)
                    .put("install_date", installDate(plist.get("InstallDate")))
                    .build();
            ctx.emit(f, ctx.provenance(file, ""));
        }
    }

    /** The install date is a plist date, already UTC time text here; anything else gives "". */
    private static String installDate(Object value) {
        Instant t = value instanceof String s ? MvtTime.parse(s) : null;
        return MvtTime.format(t);
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        Fields plist = r.object("plist");
        if (plist != null) o.add(ObservableType.PROFILE_ID, "plist.PayloadUUID", plist.string("PayloadUUID"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("install_date"));
        if (t == null) return List.of();
        Fields p = r.object("plist");
        if (p == null) p = Fields.builder().build();
        String data = p.text("PayloadType") + " installed: " + p.text("PayloadUUID") + " - "
                + p.text("PayloadDisplayName") + ": " + p.text("PayloadDescription");
        return List.of(new TimelineEvent(t, slug(), "configuration_profile_install", data));
    }
}
