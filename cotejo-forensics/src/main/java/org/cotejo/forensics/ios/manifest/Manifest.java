package org.cotejo.forensics.ios.manifest;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cotejo.core.observable.DomainNames;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.ios.backup.BackupManifest;
import org.cotejo.forensics.ios.backup.ManifestEntry;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * Every file and folder a backup lists in {@code Manifest.db}, with its times, mode, owner and size:
 * the file system of the phone as far as the backup saw it. Implant files show up by path, and WebKit
 * keeps one folder per web site ({@code https_evil.example_0}), so site names show up too.
 */
public final class Manifest implements ArtifactModule {
    /** At the backup's root; rows are read through the extraction's {@link BackupManifest}. */
    static final String MANIFEST_DB = "Manifest.db";

    @Override public String name() { return "Manifest"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP); }
    @Override public TraceClass trace() { return TraceClass.FILESYSTEM; }
    @Override public String description() { return "Files and folders listed in the backup manifest, with their times (MACB)"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        Optional<BackupManifest> manifest = ctx.extraction().service(BackupManifest.class);
        Optional<FileEntry> entry = ctx.extraction().tree().entry(MANIFEST_DB).filter(FileEntry::isFile);
        if (manifest.isEmpty() || entry.isEmpty()) return;
        SourceFile file = SourceFile.of(entry.get());
        try {
            manifest.get().forEach(row -> ctx.emit(record(row), ctx.provenance(file, "Files fileID " + row.fileId())));
        } catch (IOException e) {
            ctx.problem(file, e.getMessage() + "; the rows after that point are not listed");
        }
    }

    static Fields record(ManifestEntry row) {
        Fields.Builder f = Fields.builder()
                .put("file_id", row.fileId())
                .put("domain", row.domain())
                .put("relative_path", row.relativePath())
                .put("flags", row.flags())
                .put("created", "");
        Fields meta = row.metadata();
        if (meta != null) {
            f.put("created", time(meta.get("Birth")))
                    .put("modified", time(meta.get("LastModified")))
                    .put("status_changed", time(meta.get("LastStatusChange")))
                    .put("mode", mode(meta.longValue("Mode")))
                    .put("owner", meta.get("UserID"))
                    .put("size", meta.get("Size"));
        }
        return f.build();
    }

    /** Unix seconds, or (very old backups decode dates) time text already. */
    private static String time(Object value) {
        if (value instanceof String s && MvtTime.parse(s) != null) return MvtTime.format(MvtTime.parse(s));
        return IosTime.unixIso(value);
    }

    /** Python's octal text, which MVT writes: 33188 → "0o100644". */
    private static String mode(Long mode) {
        return mode == null ? null : "0o" + Long.toOctalString(mode);
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String path = r.string("relative_path");
        if (path == null || path.isEmpty()) return o.list();
        o.add(ObservableType.FILE_PATH, "relative_path", "/" + path);
        // A web site named in a file name (WebKit's per-site folders) shows that a page of the site was
        // loaded, not that an implant is on the phone: it counts as a browsing trace.
        for (String part : path.toLowerCase(Locale.ROOT).split("_")) {
            if (part.indexOf('.') >= 0 && namesHost(part)) o.urlOrHost("relative_path", part, TraceClass.BROWSING);
        }
        return o.list();
    }

    /**
     * Whether a piece of a file name starts with an IP address or a domain under a known public suffix,
     * as MVT's URL parser requires before it looks the piece up ("0.localstorage" and
     * "library/preferences/com.apple.foo.plist" do not qualify).
     */
    static boolean namesHost(String part) {
        String rest = part.contains("://") ? part.substring(part.indexOf("://") + 3) : part;
        String host = rest.split("[/:?#]", 2)[0];
        if (host.indexOf('.') < 0) return false;
        try {
            ObservableType.IPV4.normalise(host);
            return true;
        } catch (InvalidObservableException notAnAddress) {
            // try it as a domain
        }
        try {
            return DomainNames.registrableDomain(ObservableType.DOMAIN.normalise(host).value()).isPresent();
        } catch (InvalidObservableException notADomain) {
            return false;
        }
    }

    /** MACB: one event per distinct time among created, modified and status changed (no access time). */
    @Override
    public List<TimelineEvent> timeline(Fields r) {
        String modified = r.text("modified");
        String changed = r.text("status_changed");
        if (modified.isEmpty() || changed.isEmpty()) return List.of();
        String created = r.text("created");
        String data = r.text("relative_path") + " - " + r.text("domain");
        List<TimelineEvent> out = new ArrayList<>(3);
        for (String value : new LinkedHashSet<>(List.of(created, modified, changed))) {
            Instant t = MvtTime.parse(value);
            if (t == null) continue;
            String macb = (value.equals(modified) ? "M" : "-") + "-" + (value.equals(changed) ? "C" : "-")
                    + (value.equals(created) ? "B" : "-");
            out.add(new TimelineEvent(t, slug(), macb, data));
        }
        return out;
    }
}
