package org.cotejo.forensics.ios.webkitdata;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.ios.filesystem.ListedEntries;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * WebKit names the storage it keeps per site after the site's origin ("https_www.example.com_0"), so
 * the folder listing alone says which sites an app's web views stored data for, and since when (the
 * entry's modification time). The three WebKit folder modules differ only in where they look and how
 * their timeline reads.
 */
abstract class WebsiteDataEntries implements ArtifactModule {

    /** The folders whose entries name sites (shell globs, relative to the dump's root). */
    abstract Location folders();

    /** The timeline event and sentence for a record, or null for none. */
    abstract TimelineEvent event(Instant time, Fields record);

    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.BROWSING; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        for (String folder : folders().fsGlobs()) {
            for (FileEntry entry : ctx.extraction().tree().glob(folder + "/*")) {
                String url = urlOf(entry.name());
                if (url == null) continue;
                Fields f = Fields.builder()
                        .put("folder", entry.path())
                        .put("url", url)
                        .put("isodate", MvtTime.format(entry.modified()))
                        .build();
                ctx.emit(f, ListedEntries.provenance(entry));
            }
        }
    }

    /**
     * The site of an entry named after it, as MVT reads it: "http_" and "https_" become "http://" and
     * "https://", and the URL ends at the next '_' (before the port or partition number). Null for
     * entries whose name does not start with "http".
     */
    static String urlOf(String name) {
        if (!name.startsWith("http")) return null;
        String s = name.replace("http_", "http://").replace("https_", "https://");
        int underscore = s.indexOf('_');
        return underscore < 0 ? s : s.substring(0, underscore);
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).urlOrHost("url", r.string("url")).list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("isodate"));
        if (t == null) return List.of();
        TimelineEvent e = event(t, r);
        return e == null ? List.of() : List.of(e);
    }
}
