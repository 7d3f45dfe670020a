package org.cotejo.forensics.ios.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.DomainNames;
import org.cotejo.core.observable.ObservableType;
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
 * Keychain analytics events ({@code private/var/Keychains/Analytics/*.db}): what security daemons
 * and apps did with the keychain, trust evaluation and TLS, with the process and host names involved.
 * See {@link AnalyticsDatabases} for how the rows are read.
 */
public final class Analytics implements ArtifactModule {
    /** Fields Cotejo adds to the event's own dictionary; they name no process or host. */
    private static final Set<String> ADDED = Set.of("isodate", "artifact");
    private static final int MAX_DEPTH = 8;

    @Override public String name() { return "Analytics"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.EXECUTION; }
    @Override public String description() { return "Keychain analytics events (private/var/Keychains/Analytics/*.db): processes and hosts"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        AnalyticsDatabases.read(ctx, (file, locator, record) -> ctx.emit(record, ctx.provenance(file, locator)));
    }

    /**
     * Every text value as a process name (MVT checks each against process indicators), and those that
     * look like a URL or a host name also as a URL, domain or address. Hosts are network traces: the
     * device talked to them. Nested dictionaries and lists are searched too (MVT reads only the top level).
     */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        for (String key : r.keys()) {
            if (!ADDED.contains(key)) visit(o, key, r.get(key), 0);
        }
        return o.list();
    }

    private static void visit(Observations o, String field, Object v, int depth) {
        if (depth > MAX_DEPTH || v == null) return;
        if (v instanceof String s) {
            o.add(ObservableType.PROCESS_NAME, field, s);
            if (looksLikeUrlOrHost(s)) o.urlOrHost(field, s, TraceClass.NETWORK);
        } else if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> visit(o, field + "." + k, x, depth + 1));
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) visit(o, field + "[" + i + "]", l.get(i), depth + 1);
        }
    }

    /**
     * A URL, an IP address, or a dotted name under a public suffix. Analytics values are mostly words
     * and identifiers ("true", "errSecItemNotFound"), which would otherwise all pass as one-label host
     * names.
     */
    static boolean looksLikeUrlOrHost(String s) {
        String t = s.strip();
        if (t.contains("://")) return true;
        if (t.isEmpty() || t.indexOf('.') < 0 || t.chars().anyMatch(Character::isWhitespace)) return false;
        String host = t.contains("/") ? t.substring(0, t.indexOf('/')) : t;
        try {
            ObservableType.IPV4.normalise(host);
            return true;
        } catch (RuntimeException notAnAddress) {
            // try it as a name
        }
        try {
            return DomainNames.registrableDomain(DomainNames.normaliseHost(host)).isPresent();
        } catch (RuntimeException notAHost) {
            return false;
        }
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("isodate"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), r.text("artifact"), r.toString()));
    }
}
