package org.cotejo.forensics.ios.idstatus;

import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Identity Services status lookups: each time iMessage, FaceTime or another Apple service asked
 * whether a phone number or Apple ID can be reached, the cache keeps the identifier and when. Zero-click
 * exploits delivered over iMessage leave the attacker's account here even when no message remains.
 */
public final class IdStatusCache implements ArtifactModule {
    /** In backups the cache is found only under its Preferences name. */
    static final Location BACKUP = Location.backup("HomeDomain",
            "Library/Preferences/com.apple.identityservices.idstatuscache.plist");
    /** In filesystem dumps both the old Preferences name and the newer IdentityServices name are read. */
    static final Location FILESYSTEM = Location.fs(
            "private/var/mobile/Library/Preferences/com.apple.identityservices.idstatuscache.plist",
            "private/var/mobile/Library/IdentityServices/idstatuscache.plist");

    @Override public String name() { return "IDStatusCache"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.DELIVERY; }
    @Override public String description() { return "Identity Services lookups (idstatuscache.plist): Apple IDs and numbers looked up by iMessage and FaceTime"; }

    /** One cache entry before it becomes a record. */
    private record Entry(SourceFile file, String pkg, String user, String isodate, Object status) {}

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        // "occurrences" counts a user across every entry of every cache file, so all entries are known
        // before the first is emitted. The caches hold a few hundred entries: keeping them is cheap.
        List<Entry> entries = new ArrayList<>();
        for (SourceFile file : ctx.locate(BACKUP, FILESYSTEM)) read(ctx, file, entries);
        Map<String, Integer> occurrences = new HashMap<>();
        for (Entry e : entries) occurrences.merge(e.user(), 1, Integer::sum);
        for (Entry e : entries) {
            Fields f = Fields.builder()
                    .put("package", e.pkg())
                    .put("user", e.user())
                    .put("isodate", e.isodate())
                    .put("idstatus", e.status())
                    .put("occurrences", occurrences.get(e.user()))
                    .build();
            ctx.emit(f, ctx.provenance(e.file(), e.pkg() + " / " + e.user()));
        }
    }

    private static void read(ModuleContext ctx, SourceFile file, List<Entry> into) throws Exception {
        NSDictionary packages = PlistFiles.rootDictionary(ctx, file, "lookups in this file skipped");
        if (packages == null) return;
        for (Map.Entry<String, NSObject> pkg : packages.getHashMap().entrySet()) {
            if (!(pkg.getValue() instanceof NSDictionary users)) continue;
            for (Map.Entry<String, NSObject> user : users.getHashMap().entrySet()) {
                if (!(user.getValue() instanceof NSDictionary lookup)) continue;
                NSObject date = lookup.get("LookupDate");
                NSObject status = lookup.get("IDStatus");
                if (date == null || status == null) continue;
                into.add(new Entry(file, pkg.getKey(), printable(user.getKey()), isodate(date), PlistValues.json(status)));
            }
        }
    }

    /** NUL characters in a user become the four characters "\x00", as MVT writes them (and its JSON shows them). */
    static String printable(String user) {
        return user.replace("\u0000", "\\x00");
    }

    /** A plist date is already MVT time text; a number (or number text) is a Mac absolute time. */
    private static String isodate(NSObject lookupDate) {
        Object v = PlistValues.json(lookupDate);
        return lookupDate instanceof NSDate ? (String) v : IosTime.macIso(v);
    }

    /** Apple IDs looked up as "mailto:" users are e-mail addresses; "tel:" numbers have no observable type yet. */
    @Override
    public List<ObservedValue> observe(Fields r) {
        String user = r.string("user");
        if (user == null || !user.startsWith("mailto:")) return List.of();
        return new Observations(trace()).add(ObservableType.EMAIL, "user", user.substring(7).replace("'", "")).list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant at = MvtTime.parse(r.string("isodate"));
        if (at == null) return List.of();
        return List.of(new TimelineEvent(at, slug(), "lookup", "Lookup of " + r.text("user") + " within "
                + r.text("package") + " (Status " + r.text("idstatus") + ")"));
    }
}
