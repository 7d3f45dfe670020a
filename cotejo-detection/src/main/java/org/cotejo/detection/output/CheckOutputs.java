package org.cotejo.detection.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.core.concurrent.Handoff;
import org.cotejo.detection.Detection;
import org.cotejo.detection.Disposition;
import org.cotejo.detection.Findings;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.Record;

/**
 * Writes a check's output folder: per module {@code <slug>.json}, {@code <slug>_detected.json},
 * {@code alerts.json}, {@code alerts_timeline.csv}, {@code timeline.csv} and {@code info.json} shaped as
 * MVT writes them, plus Cotejo's {@code findings.json} and {@code timeline.jsonl}. Everything except the
 * run date in info.json is a function of the input and feeds (stable order), so two runs can be diffed.
 */
public final class CheckOutputs implements AutoCloseable {
    private final Path dir;
    private final ModuleResultsWriter results;
    private final TimelineSorter timeline;
    private final Handoff<Record> writer;
    private final Map<String, Long> written = new HashMap<>();

    /**
     * @param dir      the output folder (created, must be empty), or null to write nothing but keep counting
     * @param spillDir a private folder for timeline chunks
     */
    public CheckOutputs(Path dir, Path spillDir) {
        this.dir = dir;
        this.results = dir == null ? null : new ModuleResultsWriter(dir);
        this.timeline = dir == null ? null : new TimelineSorter(spillDir);
        this.writer = dir == null ? null : new Handoff<>("cotejo-output-writer", r -> {
            results.record(r);
            timeline.add(r);
        });
    }

    /**
     * Queues a record for writing, in order, on the output thread; throws what writing an earlier one
     * threw. The same record object must not change afterwards (records are immutable).
     */
    public void record(Record r) throws IOException {
        if (dir == null) return;
        written.merge(r.module(), 1L, Long::sum);
        writer.add(r);
    }

    /** Records handed to {@link #record} so far, per module slug (on the thread that hands them over). */
    public long written(String slug) {
        return written.getOrDefault(slug, 0L);
    }

    /** An alert or detection as MVT lists it. */
    private record Entry(Level level, String module, String message, Instant time, Record record, Detection detection) {}

    /** Writes everything that depends on the whole run. */
    public void finish(Findings findings, RunInfo info, Map<String, String> moduleNames) throws IOException {
        if (dir == null) return;
        writer.finish();
        results.close();
        timeline.write(dir.resolve("timeline.csv"), dir.resolve("timeline.jsonl"), moduleNames, info.kind().android());
        Map<String, Integer> order = new HashMap<>();
        for (var m : info.modules()) order.put(m.slug(), order.size());
        List<Entry> entries = new ArrayList<>();
        for (Detection d : findings.detections()) {
            String prefix = d.disposition() == Disposition.EVIDENCE ? "" : "[" + d.disposition().label() + "] ";
            entries.add(new Entry(d.level(), d.record().module(), prefix + d.message(), d.time(), d.record(), d));
        }
        for (Alert a : findings.alerts()) entries.add(new Entry(a.level(), a.module(), a.message(), a.eventTime(), a.record(), null));
        entries.sort(Comparator.comparingInt((Entry e) -> order.getOrDefault(e.module, Integer.MAX_VALUE)));
        Map<String, List<Entry>> byModule = new LinkedHashMap<>();
        for (Entry e : entries) byModule.computeIfAbsent(e.module, k -> new ArrayList<>()).add(e);
        for (var e : byModule.entrySet()) writeAlerts(dir.resolve(e.getKey() + "_detected.json"), e.getValue());
        if (!entries.isEmpty()) writeAlerts(dir.resolve("alerts.json"), entries);
        writeAlertsTimeline(entries);
        writeInfo(info);
        FindingsJson.write(dir.resolve("findings.json"), findings, info);
    }

    private static void writeAlerts(Path file, List<Entry> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = JsonOutput.pretty(out)) {
            g.writeStartArray();
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("level", e.level.mvtName());
                g.writeStringField("module", e.module);
                g.writeStringField("message", e.message);
                g.writeStringField("event_time", MvtTime.format(e.time));
                g.writeFieldName("event");
                JsonOutput.write(g, e.record.fields().asMap());
                g.writeFieldName("matched_indicator");
                if (e.detection == null) {
                    g.writeNull();
                } else {
                    var ind = e.detection.match().indicator();
                    g.writeStartObject();
                    g.writeStringField("value", ind.value().raw());
                    g.writeStringField("type", MvtNames.category(ind.value().type()));
                    g.writeStringField("name", ind.collection().name());
                    g.writeStringField("stix2_file_name", Path.of(ind.collection().sourceFile()).getFileName().toString());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private void writeAlertsTimeline(List<Entry> entries) throws IOException {
        List<Entry> timed = new ArrayList<>(entries.stream().filter(e -> e.time != null).toList());
        timed.sort(Comparator.comparing((Entry e) -> e.time));
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("alerts_timeline.csv"), StandardCharsets.UTF_8)) {
            Csv.row(w, "Event Time", "Module", "Message", "Event");
            for (Entry e : timed) {
                Csv.row(w, MvtTime.format(e.time), e.module, e.message, e.record.fields().asMap().toString());
            }
        }
    }

    private void writeInfo(RunInfo info) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve("info.json")); JsonGenerator g = JsonOutput.pretty(out)) {
            g.writeStartObject();
            g.writeStringField("target_path", info.target());
            g.writeStringField("cotejo_version", info.version());
            g.writeStringField("date", DateTimeFormatter.ISO_INSTANT.format(info.started()));
            g.writeArrayFieldStart("ioc_files");
            for (var f : info.feeds()) g.writeString(f.file());
            g.writeEndArray();
            g.writeArrayFieldStart("hashes");
            for (var h : info.inputs()) {
                g.writeStartObject();
                g.writeStringField("file_path", h.path());
                g.writeStringField("sha256", h.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    @Override
    public void close() throws IOException {
        if (writer != null) writer.stop();
        if (results != null) results.close();
        if (timeline != null) timeline.close();
    }
}
