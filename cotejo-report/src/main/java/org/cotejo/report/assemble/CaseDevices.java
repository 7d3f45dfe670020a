package org.cotejo.report.assemble;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.cases.ScanSummary;
import org.cotejo.cases.StoredDetection;
import org.cotejo.cases.StoredObservation;
import org.cotejo.cases.folder.CaseFolder;
import org.cotejo.cases.store.CaseStore;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Disposition;
import org.cotejo.detection.Verdict;
import org.cotejo.forensics.record.TraceClass;

/**
 * The devices of a case as correlation sees them: each device's stored observations (summed over its
 * scans), the detections of its scans as indicator matches, and the most serious verdict of its scans.
 * Only read: correlating a case changes nothing in it. Devices never scanned are left out, with a note.
 */
public final class CaseDevices {
    private CaseDevices() {}

    public static List<DeviceEvidence> load(String group, Path dir, java.io.PrintWriter err) {
        return inCase(dir, (store, h, folder, info) ->
                read(store, h, folder, info, group, dir, err, PinnedThreats.of(dir, store.feeds(h, folder.caseId()))));
    }

    /** What is read from an opened case inside one read-only handle. */
    interface CaseQuery<T> {
        T read(CaseStore store, org.jdbi.v3.core.Handle h, CaseFolder folder, CaseInfo info);
    }

    /** Opens the case folder {@code dir} (refusing a folder that is not one) and runs {@code query} on its case. */
    static <T> T inCase(Path dir, CaseQuery<T> query) {
        if (!Files.isRegularFile(dir.resolve(CaseFolder.DESCRIPTOR))) {
            throw new CotejoException(dir + " is not a case folder (no " + CaseFolder.DESCRIPTOR + "); give a folder made by `cotejo case create`");
        }
        CaseFolder folder = CaseFolder.open(dir);
        try (CaseStore store = CaseStore.open(folder.jdbcUrl(), folder.user(), folder.password())) {
            return store.read(h -> {
                CaseInfo info = store.findCase(h, folder.caseId()).orElseThrow(() ->
                        new CotejoException(dir + ": its database holds no case " + folder.caseId()));
                return query.read(store, h, folder, info);
            });
        }
    }

    /** The devices of an opened case, read inside the caller's handle. */
    static List<DeviceEvidence> read(CaseStore store, org.jdbi.v3.core.Handle h, CaseFolder folder, CaseInfo info, String group,
                                     Path dir, java.io.PrintWriter err, PinnedThreats threats) {
        String g = group == null || group.isEmpty() ? info.reference() : group;
        Map<String, List<ScanSummary>> scans = new LinkedHashMap<>();
        for (ScanSummary s : store.scans(h, folder.caseId())) scans.computeIfAbsent(s.deviceId(), k -> new ArrayList<>()).add(s);
        List<DeviceEvidence> out = new ArrayList<>();
        for (DeviceInfo d : store.devices(h, folder.caseId())) {
            List<ScanSummary> own = scans.getOrDefault(d.id(), List.of());
            if (own.isEmpty()) {
                err.println("cotejo: " + dir + ": device " + d.label() + " has no scan yet; run `cotejo case scan` (left out)");
                continue;
            }
            out.add(device(store, h, folder, info, g, d, own, dir, threats));
        }
        err.flush();
        return out;
    }

    private static DeviceEvidence device(CaseStore store, org.jdbi.v3.core.Handle h, CaseFolder folder, CaseInfo info, String group,
                                         DeviceInfo d, List<ScanSummary> scans, Path dir, PinnedThreats threats) {
        Map<Observable, List<MatchRef>> matches = new LinkedHashMap<>();
        Map<Observable, String> examples = new LinkedHashMap<>();
        for (StoredDetection x : store.detections(h, folder.caseId(), d.id())) {
            Optional<ObservableType> type = ObservableType.fromKey(x.observableType());
            if (type.isEmpty()) continue;
            Observable v = new Observable(type.get(), x.observableValue(), x.observableValue());
            Disposition disposition = Arrays.stream(Disposition.values()).filter(p -> p.name().equalsIgnoreCase(x.disposition()))
                    .findFirst().orElse(Disposition.EVIDENCE);
            MatchRef m = new MatchRef(x.indicatorId(), x.collection(), x.feedSha256(), threats.of(x.feedSha256(), x.collection()),
                    Optional.empty(), disposition);
            List<MatchRef> l = matches.computeIfAbsent(v, k -> new ArrayList<>());
            if (!l.contains(m)) l.add(m);
            examples.putIfAbsent(v, x.module() + ": " + x.sourceFile() + (x.locator() == null || x.locator().isEmpty() ? "" : " (" + x.locator() + ")"));
        }
        List<Sighting> sightings = new ArrayList<>();
        Aggregate[] current = {null};
        store.observations(h, folder.caseId(), d.id(), o -> {
            Optional<ObservableType> type = ObservableType.fromKey(o.type());
            if (type.isEmpty()) return;
            Observable v = new Observable(type.get(), o.value(), o.value());
            boolean keep = EvidenceLevel.defaultFor(type.get()) != EvidenceLevel.TOOL || matches.containsKey(v);
            if (!keep) return;
            if (current[0] != null && !current[0].value.equals(v)) {
                sightings.add(current[0].sighting(matches, examples));
                current[0] = null;
            }
            if (current[0] == null) current[0] = new Aggregate(v);
            current[0].add(o);
        });
        if (current[0] != null) sightings.add(current[0].sighting(matches, examples));
        // A matched value always has its observation row; this guards a case written by an older scan.
        java.util.Set<Observable> seen = new java.util.HashSet<>();
        for (Sighting s : sightings) seen.add(s.value());
        for (Map.Entry<Observable, List<MatchRef>> m : matches.entrySet()) {
            if (!seen.contains(m.getKey())) {
                sightings.add(new Sighting(m.getKey(), TraceClass.CONTEXT, 1, null, null, examples.getOrDefault(m.getKey(), ""), m.getValue()));
            }
        }
        sightings.sort(java.util.Comparator.comparing(Sighting::value));
        Verdict verdict = scans.stream().map(s -> verdict(s.verdict())).min(java.util.Comparator.naturalOrder()).orElse(Verdict.NOTHING_FOUND);
        return new DeviceEvidence(ref(info, group, d), verdict, sightings,
                List.of(dir.toAbsolutePath().normalize() + " (case " + info.reference() + ", device " + d.label() + ")"));
    }

    /** The device as correlation names it: its extraction's identity, else the case's device id; its pseudonym, else its label. */
    static DeviceRef ref(CaseInfo info, String group, DeviceInfo d) {
        String id = DeviceIdentity.of(d.identifiers()).orElse("case:" + info.id() + "/" + d.id());
        String label = d.pseudonym() == null || d.pseudonym().isBlank() ? d.label() : d.pseudonym();
        return new DeviceRef(id, label, group.toUpperCase(Locale.ROOT), d.platform());
    }

    /** Verdicts are stored by their label; Verdict's order puts the most serious first. */
    static Verdict verdict(String label) {
        for (Verdict v : Verdict.values()) if (v.label().equalsIgnoreCase(label) || v.name().equalsIgnoreCase(label)) return v;
        return Verdict.NOTHING_FOUND;
    }

    /** One value's rows (one per scan) summed. */
    private static final class Aggregate {
        final Observable value;
        long count;
        Instant first;
        Instant last;
        TraceClass trace;

        Aggregate(Observable value) {
            this.value = value;
        }

        void add(StoredObservation o) {
            count += Math.max(1, o.count());
            if (o.firstSeen() != null && (first == null || o.firstSeen().isBefore(first))) first = o.firstSeen();
            if (o.lastSeen() != null && (last == null || o.lastSeen().isAfter(last))) last = o.lastSeen();
            TraceClass t;
            try {
                t = TraceClass.valueOf(o.trace().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                t = TraceClass.CONTEXT;
            }
            if (trace == null || t.ordinal() < trace.ordinal()) trace = t;
        }

        Sighting sighting(Map<Observable, List<MatchRef>> matches, Map<Observable, String> examples) {
            return new Sighting(value, trace, count, first, last, examples.getOrDefault(value, ""), matches.getOrDefault(value, List.of()));
        }
    }
}
