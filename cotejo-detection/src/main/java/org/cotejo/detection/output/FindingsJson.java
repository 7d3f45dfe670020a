package org.cotejo.detection.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import org.cotejo.detection.Detection;
import org.cotejo.detection.Findings;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.TraceClass;

/**
 * Cotejo's own result file for one extraction ({@code findings.json}, format "cotejo-findings",
 * version 1; documented in docs/findings.md). It carries everything correlation needs without the
 * extraction: the device's identifiers, the feeds by hash, every detection with its indicator and
 * source record, every alert, and the verdict with its reasons.
 */
public final class FindingsJson {
    public static final String FORMAT = "cotejo-findings";
    public static final int VERSION = 1;

    private FindingsJson() {}

    public static void write(Path file, Findings findings, RunInfo info) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = JsonOutput.pretty(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", "cotejo");
            g.writeStringField("version", info.version());
            g.writeEndObject();

            g.writeObjectFieldStart("evidence");
            g.writeStringField("kind", info.kind().key());
            g.writeStringField("path", info.target());
            g.writeObjectFieldStart("identifiers");
            for (var e : info.identifiers().entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeNumberField("files", info.inputs().size());
            g.writeEndObject();

            g.writeArrayFieldStart("feeds");
            for (var f : info.feeds()) {
                g.writeStartObject();
                g.writeStringField("file", f.file());
                g.writeStringField("sha256", f.sha256());
                g.writeStringField("format", f.format());
                g.writeNumberField("indicators", f.indicators().size());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("modules");
            for (var m : info.modules()) {
                g.writeStartObject();
                g.writeStringField("name", m.name());
                g.writeStringField("slug", m.slug());
                g.writeStringField("trace", m.trace());
                g.writeNumberField("records", m.records());
                g.writeNumberField("records_written", m.written());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("problems");
            for (ModuleProblem p : info.problems()) {
                g.writeStartObject();
                g.writeStringField("module", p.module());
                g.writeStringField("file", p.file());
                g.writeStringField("message", p.message());
                g.writeBooleanField("module_stopped", p.fatal());
                g.writeEndObject();
            }
            g.writeEndArray();

            var v = findings.verdict();
            g.writeObjectFieldStart("verdict");
            g.writeStringField("verdict", v.verdict().label());
            g.writeStringField("rule", v.rule());
            g.writeArrayFieldStart("reasons");
            for (String r : v.reasons()) g.writeString(r);
            g.writeEndArray();
            g.writeArrayFieldStart("trace_classes");
            for (TraceClass c : TraceClass.values()) if (v.classes().contains(c)) g.writeString(c.name().toLowerCase());
            g.writeEndArray();
            g.writeEndObject();

            g.writeObjectFieldStart("counts");
            writeCounts(g, "detections", findings.detections().stream().map(Detection::level).toList());
            writeCounts(g, "alerts", findings.alerts().stream().map(Alert::level).toList());
            g.writeEndObject();

            g.writeArrayFieldStart("detections");
            for (Detection d : findings.detections()) writeDetection(g, d);
            g.writeEndArray();

            g.writeArrayFieldStart("alerts");
            for (Alert a : findings.alerts()) {
                g.writeStartObject();
                g.writeStringField("level", a.level().name());
                g.writeStringField("heuristic", a.heuristic());
                g.writeStringField("module", a.module());
                g.writeStringField("message", a.message());
                writeTime(g, "time", a.eventTime());
                writeSource(g, a.record().provenance());
                g.writeFieldName("record");
                JsonOutput.write(g, a.record().fields().asMap());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeDetection(JsonGenerator g, Detection d) throws IOException {
        var ind = d.match().indicator();
        var obs = d.observed().observable();
        g.writeStartObject();
        g.writeStringField("level", d.level().name());
        g.writeStringField("disposition", d.disposition().name().toLowerCase());
        g.writeStringField("module", d.record().module());
        g.writeStringField("message", d.message());
        writeTime(g, "time", d.time());
        g.writeStringField("trace", d.observed().trace().name().toLowerCase());
        g.writeObjectFieldStart("observable");
        g.writeStringField("type", obs.type().key());
        g.writeStringField("value", obs.value());
        g.writeStringField("raw", obs.raw());
        g.writeStringField("field", d.observed().field());
        g.writeEndObject();
        g.writeStringField("rule", d.match().rule().name().toLowerCase());
        g.writeObjectFieldStart("indicator");
        g.writeStringField("id", ind.id());
        g.writeStringField("type", ind.value().type().key());
        g.writeStringField("value", ind.value().value());
        g.writeStringField("raw", ind.value().raw());
        g.writeStringField("location", ind.location());
        g.writeObjectFieldStart("collection");
        g.writeStringField("id", ind.collection().id());
        g.writeStringField("name", ind.collection().name());
        if (ind.collection().indicates() != null) {
            g.writeStringField("indicates", ind.collection().indicates().name());
        }
        g.writeEndObject();
        g.writeStringField("feed_file", ind.collection().sourceFile());
        g.writeStringField("feed_sha256", ind.collection().sourceSha256());
        g.writeEndObject();
        g.writeArrayFieldStart("warning_lists");
        for (var w : d.warnings()) g.writeString(w.toString());
        g.writeEndArray();
        writeSource(g, d.record().provenance());
        g.writeFieldName("record");
        JsonOutput.write(g, d.record().fields().asMap());
        g.writeEndObject();
    }

    private static void writeSource(JsonGenerator g, Provenance p) throws IOException {
        g.writeObjectFieldStart("source");
        g.writeStringField("file", p.file());
        g.writeStringField("logical", p.logical());
        g.writeStringField("sha256", p.sha256());
        g.writeStringField("locator", p.locator());
        g.writeEndObject();
    }

    private static void writeTime(JsonGenerator g, String name, Instant t) throws IOException {
        if (t == null) g.writeNullField(name);
        else g.writeStringField(name, DateTimeFormatter.ISO_INSTANT.format(t));
    }

    private static void writeCounts(JsonGenerator g, String name, java.util.List<Level> levels) throws IOException {
        Map<Level, Integer> counts = new EnumMap<>(Level.class);
        for (Level l : levels) counts.merge(l, 1, Integer::sum);
        g.writeObjectFieldStart(name);
        for (Level l : Level.values()) g.writeNumberField(l.name(), counts.getOrDefault(l, 0));
        g.writeEndObject();
    }
}
