package org.cotejo.forensics.ios.profiles;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.FilePaths;
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
 * Configuration-profile installs and removals from {@code MCProfileEvents.plist}: which process
 * installed or removed which profile, and when. Profiles removed since still leave their event here.
 */
public final class ProfileEvents implements ArtifactModule {
    /** Any domain: normally the configuration-profiles system group. */
    static final Location PROFILE_EVENTS = Location.backup(null, "Library/ConfigurationProfiles/MCProfileEvents.plist");

    @Override public String name() { return "ProfileEvents"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP); }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Configuration-profile install and removal events (MCProfileEvents.plist)"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        for (SourceFile file : ctx.locate(PROFILE_EVENTS)) {
            NSDictionary root = PlistFiles.rootDictionary(ctx, file, "profile events skipped");
            if (root == null) continue;
            if (!(root.get("ProfileEvents") instanceof NSArray list)) {
                ctx.problem(file, "no ProfileEvents list; profile events skipped");
                continue;
            }
            NSObject[] items = list.getArray();
            for (int i = 0; i < items.length; i++) {
                // Each item is a one-key dictionary: profile identifier → event details.
                if (!(items[i] instanceof NSDictionary item)) {
                    ctx.problem(file, "ProfileEvents[" + i + "] is not a dictionary; skipped");
                    continue;
                }
                for (Map.Entry<String, NSObject> e : item.entrySet()) {
                    if (!(e.getValue() instanceof NSDictionary details)) {
                        ctx.problem(file, "ProfileEvents[" + i + "] of " + e.getKey() + " has no details; skipped");
                        continue;
                    }
                    ctx.emit(record(e.getKey(), details), ctx.provenance(file, "ProfileEvents[" + i + "]"));
                }
            }
        }
    }

    private static Fields record(String profileId, NSDictionary details) {
        Fields.Builder f = Fields.builder()
                .put("profile_id", profileId)
                .put("timestamp", MvtTime.format(timestamp(PlistValues.json(details.get("timestamp")))))
                .put("operation", PlistValues.json(details.get("operation")))
                .put("process", PlistValues.json(details.get("process")));
        for (Map.Entry<String, NSObject> e : details.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (!key.equals("timestamp") && !key.equals("operation") && !key.equals("process")) {
                f.put(key, PlistValues.json(e.getValue()));
            }
        }
        return f.build();
    }

    /** A plist date arrives as UTC time text; anything else has no usable time. */
    private static Instant timestamp(Object value) {
        return value instanceof String s ? MvtTime.parse(s) : null;
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String process = r.string("process");
        if (process != null) o.add(ObservableType.PROCESS_NAME, "process", FilePaths.baseName(process));
        o.add(ObservableType.PROFILE_ID, "profile_id", r.string("profile_id"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "profile_operation", "Process " + r.text("process")
                + " started operation " + r.text("operation") + " of profile " + r.text("profile_id")));
    }
}
