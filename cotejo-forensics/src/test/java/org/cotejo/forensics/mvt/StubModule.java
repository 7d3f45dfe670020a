package org.cotejo.forensics.mvt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * A test-only module standing in for the real one of the same slug: it extracts nothing, and observes
 * the URLs of the named fields (text or lists) and one timeline event at {@code timeField}, which is
 * all the results reader needs to show records are handed to their module.
 */
final class StubModule implements ArtifactModule {
    private final String name;
    private final String slug;
    private final String timeField;
    private final List<String> urlFields;

    StubModule(String name, String slug, String timeField, String... urlFields) {
        this.name = name;
        this.slug = slug;
        this.timeField = timeField;
        this.urlFields = List.of(urlFields);
    }

    @Override public String name() { return name; }
    @Override public String slug() { return slug; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.BROWSING; }
    @Override public String description() { return "test stand-in for " + name; }
    @Override public void extract(ModuleContext context) {}

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        for (String f : urlFields) {
            if (r.get(f) instanceof List<?>) o.urls(f, r.strings(f));
            else o.urlOrHost(f, r.string(f));
        }
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        List<TimelineEvent> out = new ArrayList<>();
        Instant t = timeField == null ? null : MvtTime.parse(r.string(timeField));
        if (t != null) out.add(new TimelineEvent(t, slug, "stub", r.toString()));
        return out;
    }
}
