package org.cotejo.forensics.ios.osanalytics;

import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.FilePaths;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.IosTime;
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
 * Daily network-use baseline per process from the analytics preferences
 * ({@code com.apple.osanalytics.addaily.plist}): a process that used the network is named here, even
 * when its DataUsage rows are gone.
 */
public final class OsAnalyticsAdDaily implements ArtifactModule {
    static final Location ADDAILY = Location.of("HomeDomain", "Library/Preferences/com.apple.osanalytics.addaily.plist",
            "private/var/mobile/Library/Preferences/com.apple.osanalytics.addaily.plist");
    private static final List<String> COUNTERS = List.of("wifi_in", "wifi_out", "wwan_in", "wwan_out");

    @Override public String name() { return "OSAnalyticsADDaily"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.EXECUTION; }
    @Override public String description() { return "Per-process daily network use baseline (osanalytics addaily)"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        for (SourceFile file : ctx.locate(ADDAILY)) {
            NSDictionary root = PlistFiles.rootDictionary(ctx, file, "network baseline skipped");
            if (root == null) continue;
            if (!(root.get("netUsageBaseline") instanceof NSDictionary processes)) {
                ctx.problem(file, "no netUsageBaseline dictionary; network baseline skipped");
                continue;
            }
            for (Map.Entry<String, NSObject> e : processes.entrySet()) {
                String where = "netUsageBaseline[\"" + e.getKey() + "\"]";
                // [date, wifi in, wifi out, wwan in, wwan out]
                if (!(e.getValue() instanceof NSArray a) || a.count() < 1 + COUNTERS.size()) {
                    ctx.problem(file, where + " is not [date, wifi in, wifi out, wwan in, wwan out]; skipped");
                    continue;
                }
                Fields.Builder f = Fields.builder().put("package", e.getKey()).put("ts", time(a.objectAtIndex(0)));
                for (int i = 0; i < COUNTERS.size(); i++) f.put(COUNTERS.get(i), PlistValues.json(a.objectAtIndex(i + 1)));
                ctx.emit(f.build(), ctx.provenance(file, where));
            }
        }
    }

    /** A plist date, or Mac absolute seconds. */
    private static String time(NSObject value) {
        Object v = PlistValues.json(value);
        return value instanceof NSDate ? (String) v : IosTime.macIso(v);
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String pkg = r.string("package");
        if (pkg != null) o.add(ObservableType.PROCESS_NAME, "package", FilePaths.baseName(pkg));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("ts"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "osanalytics_addaily", r.text("package") + " WIFI IN: " + r.text("wifi_in")
                + ", WIFI OUT: " + r.text("wifi_out") + " - WWAN IN: " + r.text("wwan_in") + ", WWAN OUT: " + r.text("wwan_out")));
    }
}
