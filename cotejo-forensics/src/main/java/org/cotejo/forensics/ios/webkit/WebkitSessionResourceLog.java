package org.cotejo.forensics.ios.webkit;

import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.ios.PlistFiles;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TraceClass;

/**
 * WebKit's per-session resource log ({@code full_browsing_session_resourceLog.plist}): for each origin a
 * web view visited, the origins it was redirected from and to and the frames and resources it pulled
 * in. A redirect chain through an exploit server appears here even when history was cleared.
 *
 * <p>MVT's results for this module are a map from file path to a list of entries; Cotejo emits one
 * flat record per entry and names its file in a {@code file} field (the dump path, or the backup's
 * domain/relative path where MVT writes the absolute path of the stored backup file).
 */
public final class WebkitSessionResourceLog implements ArtifactModule {
    private static final String LOG = "full_browsing_session_resourceLog.plist";
    static final Location RESOURCE_LOG = Location.of(null, "Library/WebKit/WebsiteData/ResourceLoadStatistics/" + LOG,
            "private/var/mobile/Containers/Data/Application/*/SystemData/com.apple.SafariViewService/Library/WebKit/WebsiteData/" + LOG,
            "private/var/mobile/Containers/Data/Application/*/Library/WebKit/WebsiteData/ResourceLoadStatistics/" + LOG,
            "private/var/mobile/Library/WebClips/*/Storage/" + LOG);

    /** The list fields: record key, plist key. */
    private static final String[][] DOMAIN_LISTS = {
            {"redirect_source", "topFrameUniqueRedirectsFrom"},
            {"redirect_destination", "topFrameUniqueRedirectsTo"},
            {"subframe_under_origin", "subframeUnderTopFrameOrigins"},
            {"subresource_under_origin", "subresourceUnderTopFrameOrigins"}};

    @Override public String name() { return "WebkitSessionResourceLog"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.BROWSING; }
    @Override public String description() { return "WebKit session resource logs: origins, their redirects, frames and sub-resources"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        for (SourceFile file : ctx.locate(RESOURCE_LOG)) {
            NSDictionary root = PlistFiles.rootDictionary(ctx, file, "skipped");
            if (root == null) continue;
            if (!(root.get("browsingStatistics") instanceof NSArray stats)) {
                ctx.problem(file, "no browsingStatistics list; not a WebKit session resource log, skipped");
                continue;
            }
            NSObject[] entries = stats.getArray();
            for (int i = 0; i < entries.length; i++) {
                if (!(entries[i] instanceof NSDictionary e)) {
                    ctx.problem(file, "browsingStatistics[" + i + "] is not a dictionary; skipped");
                    continue;
                }
                Fields.Builder f = Fields.builder().put("origin", json(e.get("PrevalentResourceOrigin")));
                for (String[] list : DOMAIN_LISTS) {
                    Object v = json(e.get(list[1]));
                    f.put(list[0], v == null ? "" : v);
                }
                f.put("user_interaction", json(e.get("hadUserInteraction")))
                        .put("most_recent_interaction", time(e.get("mostRecentUserInteraction")))
                        .put("last_seen", time(e.get("lastSeen")))
                        .put("file", file.logical());
                ctx.emit(f.build(), ctx.provenance(file, "browsingStatistics[" + i + "]"));
            }
        }
    }

    /** WebKit writes these times as seconds since 1970 (a number); a plist date is taken as it is. */
    private static String time(NSObject o) {
        if (o instanceof NSDate date) return MvtTime.format(date.getDate().toInstant());
        if (o instanceof NSNumber n) return IosTime.unixIso(n.isInteger() ? (Object) n.longValue() : (Object) n.doubleValue());
        return "";
    }

    /** A property-list value as a JSON value (dates as MVT time text, data as its length). */
    private static Object json(NSObject o) {
        if (o == null) return null;
        if (o instanceof NSString s) return s.getContent();
        if (o instanceof NSNumber n) {
            if (n.type() == NSNumber.BOOLEAN) return n.boolValue();
            return n.isInteger() ? (Object) n.longValue() : (Object) n.doubleValue();
        }
        if (o instanceof NSDate date) return MvtTime.format(date.getDate().toInstant());
        if (o instanceof NSArray a) {
            List<Object> out = new ArrayList<>();
            for (NSObject x : a.getArray()) out.add(json(x));
            return out;
        }
        if (o instanceof NSDictionary d) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : d.allKeys()) out.put(k, json(d.get(k)));
            return out;
        }
        return o.toString();
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.urlOrHost("origin", r.string("origin"));
        for (String[] list : DOMAIN_LISTS) {
            List<?> values = r.list(list[0]);
            for (int i = 0; i < values.size(); i++) {
                String field = list[0] + "[" + i + "]";
                Object v = values.get(i);
                if (v instanceof Map<?, ?> m) {
                    // WebKit wrote each element as {"origin": …} in older versions, {"domain": …} in newer ones.
                    if (m.get("origin") != null) o.urlOrHost(field + ".origin", m.get("origin").toString());
                    if (m.get("domain") != null) o.urlOrHost(field + ".domain", m.get("domain").toString());
                } else if (v != null) {
                    o.urlOrHost(field, v.toString());
                }
            }
        }
        return o.list();
    }
}
