package org.cotejo.forensics.ios.applications;

import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.ios.PlistFiles;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.plist.PlistValues;
import org.cotejo.forensics.plist.Plists;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * Installed apps with their store metadata ({@code iTunesMetadata}): bundle id, version, developer,
 * where the app was installed from and when. A backup lists them in its {@code Info.plist}; a dump has
 * one {@code iTunesMetadata.plist} per app bundle.
 */
public final class Applications implements ArtifactModule {
    /** At the backup's root, outside the manifest. */
    static final String INFO_PLIST = "Info.plist";
    static final Location APP_METADATA = Location.fs("private/var/containers/Bundle/Application/*/iTunesMetadata.plist");

    @Override public String name() { return "Applications"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Installed apps and where they were installed from (iTunesMetadata)"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        if (ctx.extraction().kind() == EvidenceKind.IOS_BACKUP) {
            Optional<FileEntry> info = ctx.extraction().tree().entry(INFO_PLIST).filter(FileEntry::isFile);
            if (info.isPresent()) fromBackupInfo(ctx, SourceFile.of(info.get()));
        }
        for (SourceFile file : ctx.locate(APP_METADATA)) {
            NSDictionary metadata = PlistFiles.rootDictionary(ctx, file, "app skipped");
            if (metadata == null) continue;
            Fields.Builder f = Fields.builder();
            PlistValues.fields(metadata).asMap().forEach(f::put);
            f.put("file_path", file.path());
            putInstallDate(f, metadata);
            ctx.emit(f.build(), ctx.provenance(file, ""));
        }
    }

    /**
     * Info.plist is parsed whole (a property list cannot be streamed); its apps are then emitted one by
     * one, each with its embedded metadata property list parsed on its own.
     */
    private static void fromBackupInfo(ModuleContext ctx, SourceFile file) throws Exception {
        NSDictionary info = PlistFiles.rootDictionary(ctx, file, "installed apps skipped");
        NSObject apps = info == null ? null : info.get("Applications");
        if (apps == null) return;
        if (!(apps instanceof NSDictionary byBundleId)) {
            ctx.problem(file, "Applications is not a dictionary; installed apps skipped");
            return;
        }
        for (Map.Entry<String, NSObject> e : byBundleId.entrySet()) {
            String where = "Applications[\"" + e.getKey() + "\"]";
            if (!(e.getValue() instanceof NSDictionary app)) {
                ctx.problem(file, where + " is not a dictionary; skipped");
                continue;
            }
            Fields.Builder f = Fields.builder();
            NSDictionary metadata = null;
            if (app.get("iTunesMetadata") instanceof NSData bytes) {
                try {
                    NSObject parsed = Plists.parse(bytes.bytes(), file.logical() + " " + where + ".iTunesMetadata");
                    if (parsed instanceof NSDictionary m) metadata = m;
                    else ctx.problem(file, where + ".iTunesMetadata is not a dictionary; app listed without it");
                } catch (CotejoException bad) {
                    ctx.problem(file, bad.getMessage() + "; app listed without its metadata");
                }
            }
            if (metadata != null) PlistValues.fields(metadata).asMap().forEach(f::put);
            f.put("name", e.getKey());
            if (app.get("PlaceholderIcon") instanceof NSData icon) f.put("icon_sha256", sha256(icon.bytes()));
            if (metadata != null) putInstallDate(f, metadata);
            ctx.emit(f.build(), ctx.provenance(file, where));
        }
    }

    /**
     * {@code isodate} from the store's purchase date ("2021-03-04T10:20:30Z"), read as the UTC time it
     * says it is. MVT reads it as local time of the examiner's computer; Cotejo does not repeat that.
     */
    private static void putInstallDate(Fields.Builder f, NSDictionary metadata) {
        if (!(metadata.get("com.apple.iTunesStore.downloadInfo") instanceof NSDictionary download)) return;
        Object purchase = PlistValues.json(download.get("purchaseDate"));
        Instant t = purchase instanceof String s ? MvtTime.parse(s) : null;
        if (t != null) f.put("isodate", MvtTime.format(t));
    }

    private static String sha256(byte[] bytes) {
        return org.cotejo.core.Hashing.sha256(bytes);
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String bundleId = r.get("softwareVersionBundleId") instanceof String s ? s : null;
        o.add(ObservableType.APP_ID, "softwareVersionBundleId", bundleId);
        o.add(ObservableType.PROCESS_NAME, "softwareVersionBundleId", bundleId);
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("isodate"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "app_installed", "App " + appName(r) + " version "
                + r.text("bundleShortVersionString") + " from " + r.text("artistName") + " installed from " + r.text("sourceApp")));
    }

    /** Backup records carry the bundle id as "name"; dump records only the store's item name. */
    static String appName(Fields r) {
        for (String key : List.of("name", "itemName", "softwareVersionBundleId")) {
            String v = r.string(key);
            if (v != null && !v.isEmpty()) return v;
        }
        return "";
    }
}
