package org.cotejo.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.indicator.Match;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.network.traffic.TrafficRecords;
import org.cotejo.forensics.network.traffic.TrafficRecords.DnsAnswer;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.indicators.index.IndicatorIndex;
import org.cotejo.indicators.warninglist.WarningLists;

/**
 * The detection stage for one extraction: every observable of every record against the indicator index,
 * every heuristic over the records of its modules, then dispositions and the verdict. Records stream
 * through {@link #accept}; only matches and alerts are kept.
 */
public final class Detector {
    /** Record fields that hold an app's bundle id (an app with one is not a bare spyware daemon). */
    private static final List<String> BUNDLE_ID_FIELDS = List.of("bundle_id", "bundleId", "BundleId", "softwareVersionBundleId");
    private static final List<String> PATH_FIELDS = List.of("client", "path", "file_path", "Executable", "BundlePath", "filename");

    private final IndicatorIndex index;
    private final WarningLists warnings;
    private final HeuristicContext context;
    private final Map<String, List<Heuristic.Session>> sessionsByModule = new HashMap<>();
    private final List<Heuristic.Session> sessions = new ArrayList<>();
    private final List<Detection> detections = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final AlertSink alertSink = alerts::add;

    public Detector(IndicatorIndex index, WarningLists warnings, List<Heuristic> heuristics, HeuristicContext context) {
        this.index = index;
        this.warnings = warnings;
        this.context = context.index() == null ? context.withIndex(index) : context;
        for (Heuristic h : heuristics) {
            Heuristic.Session s = h.start(this.context);
            sessions.add(s);
            for (String slug : h.modules()) sessionsByModule.computeIfAbsent(slug, k -> new ArrayList<>()).add(s);
        }
    }

    /** Checks one record; true when one of its observables matched an indicator. */
    public boolean accept(Record record) {
        int before = detections.size();
        DnsAnswer dns = TrafficRecords.DNS.contains(record.module()) ? TrafficRecords.dns(record) : null;
        NameNote note = dns == null || dns.notes() == null ? null : noteOf(dns.notes());
        List<ObservedValue> observed = record.observables();
        if (note == null || note.clean != observed) {
            Instant time = null;
            for (ObservedValue ov : observed) {
                List<Match> matches = note != null && ov.observable().type() == ObservableType.DOMAIN && ov.observable().value().equals(dns.name())
                        ? nameMatches(note, ov.observable()) : index.match(ov.observable());
                if (matches.isEmpty()) continue;
                if (time == null) time = earliest(record.timeline());
                for (Match m : matches) add(record, ov, m, time);
            }
            if (note != null && detections.size() == before) note.clean = observed;
        }
        List<Heuristic.Session> inspecting = sessionsByModule.get(record.module());
        if (inspecting != null) for (Heuristic.Session s : inspecting) s.inspect(record, alertSink);
        return detections.size() > before;
    }

    /**
     * What matching knows of a DNS answer's name, kept in the name's notes: a log of millions of queries asks about
     * the same 100,000 names again and again. {@code matches} are the name's own, looked up once per name and run;
     * {@code clean} is a list of observables none of which matches: a reader hands the very same list again for rows
     * that repeat a query and its answers, and matching reads only the observables, so such a row matches nothing.
     */
    private static final List<Match> NO_MATCHES = List.of();

    private static final class NameNote {
        List<Match> matches;
        List<ObservedValue> clean;
    }

    private NameNote noteOf(TrafficRecords.Notes notes) {
        NameNote n = (NameNote) notes.get(this);
        if (n == null) notes.put(this, n = new NameNote());
        return n;
    }

    /**
     * The matches of a DNS answer's name, looked up once. Matching reads only the observable's type and value, so the
     * matches noted for the name's first sighting are this one's too, made again with this sighting's observable (its
     * raw text may differ).
     */
    private List<Match> nameMatches(NameNote note, Observable o) {
        List<Match> first = note.matches;
        if (first == null) {
            List<Match> matches = index.match(o);
            note.matches = matches.isEmpty() ? NO_MATCHES : matches;
            return matches;
        }
        if (first == NO_MATCHES) return first; // (told by identity: the lists the index gives are of several classes)
        List<Match> out = new ArrayList<>(first.size());
        for (Match m : first) out.add(new Match(o, m.indicator(), m.rule()));
        return out;
    }

    private void add(Record record, ObservedValue ov, Match m, Instant time) {
        var hits = warnings.check(ov.observable());
        Level level = switch (ov.observable().type()) {
            case FILE_PATH, FILE_NAME -> Level.HIGH;
            default -> Level.CRITICAL;
        };
        detections.add(new Detection(record, ov, m, level, Disposition.EVIDENCE, hits, time));
    }

    /** Ends the run: heuristics finish, dispositions are applied, the verdict is decided. */
    public Findings finish() {
        for (Heuristic.Session s : sessions) s.finish(alerts::add);
        List<Detection> judged = new ArrayList<>(detections.size());
        Set<Record> appMatched = new HashSet<>();
        for (Detection d : detections) {
            if (d.observed().observable().type() == ObservableType.APP_ID) appMatched.add(d.record());
        }
        for (Detection d : detections) judged.add(judge(d, appMatched));
        boolean corroborated = judged.stream().anyMatch(d -> d.disposition() == Disposition.EVIDENCE
                && d.observed().trace() != TraceClass.BROWSING);
        if (!corroborated) {
            judged.replaceAll(d -> d.disposition() == Disposition.EVIDENCE && d.observed().trace() == TraceClass.BROWSING
                    ? d.withDisposition(Disposition.EXPOSURE, Level.LOW) : d);
        }
        List<Detection> unique = dedupe(judged);
        return new Findings(unique, alerts, VerdictRule.decide(unique, alerts));
    }

    private Detection judge(Detection d, Set<Record> appMatched) {
        if (!d.warnings().isEmpty()) return d.withDisposition(Disposition.WARNING_LISTED, Level.INFO);
        var fields = d.record().fields();
        if (d.observed().observable().type() == ObservableType.PROCESS_NAME && !appMatched.contains(d.record())) {
            for (String key : BUNDLE_ID_FIELDS) {
                String bundle = fields.string(key);
                if (bundle != null && !bundle.isBlank() && !bundle.equals(d.observed().observable().raw())) {
                    return d.withDisposition(Disposition.NAME_COLLISION, Level.LOW);
                }
            }
        }
        if (developerPath(d.observed().observable().value())) return d.withDisposition(Disposition.DEVELOPER_ARTEFACT, Level.LOW);
        for (String key : PATH_FIELDS) {
            String p = fields.string(key);
            if (p != null && developerPath(p)) return d.withDisposition(Disposition.DEVELOPER_ARTEFACT, Level.LOW);
        }
        return d;
    }

    private static boolean developerPath(String p) {
        return p.startsWith("/Developer/") || p.contains("/Library/Developer/") || p.contains("/DeveloperDiskImage");
    }

    /** One detection per record, observable and indicator (a value listed twice in a field is one finding). */
    private static List<Detection> dedupe(List<Detection> in) {
        Map<List<Object>, Detection> out = new LinkedHashMap<>();
        for (Detection d : in) {
            List<Object> key = List.of(System.identityHashCode(d.record()), d.record().provenance(), d.observed().observable(),
                    d.match().indicator().id(), d.match().indicator().collection().sourceSha256());
            out.putIfAbsent(key, d);
        }
        return new ArrayList<>(out.values());
    }

    private static Instant earliest(List<TimelineEvent> events) {
        Instant min = null;
        for (TimelineEvent e : events) if (min == null || e.time().isBefore(min)) min = e.time();
        return min;
    }
}
