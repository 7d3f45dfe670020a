package org.cotejo.cli.cases;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.cotejo.cases.ScanWriter;
import org.cotejo.cases.StoredAlert;
import org.cotejo.cases.StoredDetection;
import org.cotejo.cases.StoredEvent;
import org.cotejo.cases.StoredObservation;
import org.cotejo.detection.Detection;
import org.cotejo.detection.Findings;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Turns what a scan produces into the rows a case keeps: each record's timeline events as they stream
 * by, its observables counted per value (with first and last time seen), then the detections and alerts.
 */
final class ScanRows {
    private final ScanWriter writer;
    private final String deviceId;
    private final Map<String, Aggregate> observed = new HashMap<>();

    private static final class Aggregate {
        final String type;
        final String value;
        final String trace;
        long count;
        Instant first;
        Instant last;

        Aggregate(String type, String value, String trace) {
            this.type = type;
            this.value = value;
            this.trace = trace;
        }
    }

    ScanRows(ScanWriter writer, String deviceId) {
        this.writer = writer;
        this.deviceId = deviceId;
    }

    void record(Record r) {
        var p = r.provenance();
        Instant first = null;
        Instant last = null;
        for (TimelineEvent e : r.timeline()) {
            writer.event(new StoredEvent(e.time(), e.module(), e.event(), e.description(), p.logical(), p.sha256(), p.locator()));
            if (first == null || e.time().isBefore(first)) first = e.time();
            if (last == null || e.time().isAfter(last)) last = e.time();
        }
        for (ObservedValue ov : r.observables()) {
            String type = ov.observable().type().key();
            String value = ov.observable().value();
            Aggregate a = observed.computeIfAbsent(type + '\u0000' + value,
                    k -> new Aggregate(type, value, ov.trace().name().toLowerCase()));
            a.count++;
            if (first != null && (a.first == null || first.isBefore(a.first))) a.first = first;
            if (last != null && (a.last == null || last.isAfter(a.last))) a.last = last;
        }
    }

    /** Writes the observations (in type, value order) and the findings. */
    void finish(Findings findings) {
        TreeMap<String, Aggregate> sorted = new TreeMap<>(observed);
        for (Aggregate a : sorted.values()) writer.observation(new StoredObservation(a.type, a.value, a.count, a.first, a.last, a.trace));
        for (Detection d : findings.detections()) {
            var ind = d.match().indicator();
            var p = d.record().provenance();
            writer.detection(new StoredDetection(deviceId, d.level().name(), d.disposition().name().toLowerCase(), d.record().module(),
                    d.observed().trace().name().toLowerCase(), d.observed().observable().type().key(), d.observed().observable().value(),
                    d.observed().observable().raw(), d.observed().field(), d.match().rule().name().toLowerCase(), ind.id(),
                    ind.value().type().key(), ind.value().value(), ind.collection().name(), ind.collection().sourceSha256(),
                    p.logical(), p.sha256(), p.locator(), d.time(), d.message()));
        }
        for (Alert a : findings.alerts()) {
            var p = a.record().provenance();
            writer.alert(new StoredAlert(deviceId, a.level().name(), a.heuristic(), a.module(), a.message(), a.eventTime(),
                    p.logical(), p.sha256(), p.locator()));
        }
    }
}
