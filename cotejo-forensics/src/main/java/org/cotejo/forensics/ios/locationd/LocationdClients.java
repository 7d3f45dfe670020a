package org.cotejo.forensics.ios.locationd;

import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import java.time.Instant;
import java.util.ArrayList;
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
 * Every app, daemon and bundle that asked locationd for the phone's position ({@code clients.plist}),
 * with when it last did. Implants that track the phone's location register here under their own name.
 */
public final class LocationdClients implements ArtifactModule {
    /** The backup holds root's copy; a dump may hold mobile's and root's. */
    static final Location BACKUP_CLIENTS = Location.backup("RootDomain", "Library/Caches/locationd/clients.plist");
    static final Location FS_CLIENTS = Location.fs("private/var/mobile/Library/Caches/locationd/clients.plist",
            "private/var/root/Library/Caches/locationd/clients.plist");

    /** Mac absolute times, written as UTC time text. */
    static final List<String> TIME_KEYS = List.of("ConsumptionPeriodBegin", "ReceivingLocationInformationTimeStopped",
            "VisitTimeStopped", "LocationTimeStopped", "BackgroundLocationTimeStopped", "SignificantTimeStopped",
            "NonPersistentSignificantTimeStopped", "FenceTimeStopped", "BeaconRegionTimeStopped");

    @Override public String name() { return "LocationdClients"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.EXECUTION; }
    @Override public String description() { return "Apps and programs that used location services (locationd clients.plist)"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        for (SourceFile file : ctx.locate(BACKUP_CLIENTS, FS_CLIENTS)) {
            NSDictionary clients = PlistFiles.rootDictionary(ctx, file, "location clients skipped");
            if (clients == null) continue;
            for (Map.Entry<String, NSObject> e : clients.entrySet()) {
                // Other top-level values (a version number) describe the file, not a client.
                if (e.getValue() instanceof NSDictionary client) {
                    ctx.emit(record(e.getKey(), client), ctx.provenance(file, "client \"" + e.getKey() + "\""));
                }
            }
        }
    }

    private static Fields record(String key, NSDictionary client) {
        Fields.Builder f = Fields.builder().put("package", key.endsWith(":") ? key.substring(0, key.length() - 1) : key);
        for (Map.Entry<String, NSObject> e : client.entrySet()) {
            NSObject v = e.getValue();
            boolean macTime = TIME_KEYS.contains(e.getKey()) && !(v instanceof NSDate);
            f.put(e.getKey(), macTime ? IosTime.macIso(PlistValues.json(v)) : PlistValues.json(v));
        }
        return f.build();
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String pkg = r.string("package");
        if (pkg != null) o.add(ObservableType.PROCESS_NAME, "package", FilePaths.baseName(pkg));
        o.add(ObservableType.PROCESS_NAME, "BundleId", text(r, "BundleId"));
        o.add(ObservableType.FILE_PATH, "BundlePath", text(r, "BundlePath"));
        o.add(ObservableType.FILE_PATH, "Executable", text(r, "Executable"));
        // Registered is a path on some clients and a flag on others.
        o.add(ObservableType.FILE_PATH, "Registered", text(r, "Registered"));
        return o.list();
    }

    /** Text values only: a number or flag in these fields names nothing. */
    private static String text(Fields r, String key) {
        return r.get(key) instanceof String s ? s : null;
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        List<TimelineEvent> out = new ArrayList<>();
        for (String key : TIME_KEYS) {
            Instant t = MvtTime.parse(r.string(key));
            if (t != null) out.add(new TimelineEvent(t, slug(), key, key + " from " + r.text("package")));
        }
        return out;
    }
}
