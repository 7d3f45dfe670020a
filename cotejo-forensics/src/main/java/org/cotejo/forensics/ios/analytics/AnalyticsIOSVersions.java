package org.cotejo.forensics.ios.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * The iOS builds the keychain analytics events were logged under, each with the first time it was
 * seen: when the phone was updated, which shows which iOS version was running at the time of an
 * infection.
 *
 * <p>Reads the analytics databases itself (the same reader as {@link Analytics}), keeping only one
 * entry per build, rather than holding every Analytics record in memory. Rows without a time are left
 * out (they cannot say when a build was seen). {@code version} stays null: MVT maps the build to a
 * version with Apple's build table bundled in MVT, which Cotejo does not ship; the build identifies
 * the release exactly.
 */
public final class AnalyticsIOSVersions implements ArtifactModule {

    @Override public String name() { return "AnalyticsIOSVersions"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    @Override public String description() { return "iOS builds seen in keychain analytics, with the first time each was seen"; }

    /** The earliest row of one build and where it was read. */
    private record FirstSeen(String build, String isodate, SourceFile file, String locator) {}

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        Map<String, FirstSeen> byBuild = new HashMap<>();
        AnalyticsDatabases.read(ctx, (file, locator, record) -> {
            String build = record.string("build");
            String isodate = record.text("isodate");
            if (build == null || build.isEmpty() || isodate.isEmpty()) return;
            FirstSeen known = byBuild.get(build);
            if (known == null || isodate.compareTo(known.isodate()) < 0) {
                byBuild.put(build, new FirstSeen(build, isodate, file, locator));
            }
        });
        List<FirstSeen> seen = new ArrayList<>(byBuild.values());
        seen.sort(Comparator.comparing(FirstSeen::isodate).thenComparing(FirstSeen::build));
        for (FirstSeen s : seen) {
            Fields f = Fields.builder().put("isodate", s.isodate()).put("build", s.build()).put("version", null).build();
            ctx.emit(f, ctx.provenance(s.file(), s.locator()));
        }
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("isodate"));
        if (t == null) return List.of();
        String version = r.string("version");
        String data = version == null || version.isEmpty()
                ? "Seen iOS build " + r.text("build")
                : "Seen iOS version " + version + " (" + r.text("build") + ")";
        return List.of(new TimelineEvent(t, slug(), "analytics_ios_version", data));
    }
}
