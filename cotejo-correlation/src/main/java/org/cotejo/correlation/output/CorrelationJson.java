package org.cotejo.correlation.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.DeviceSummary;
import org.cotejo.correlation.enrich.EnrichmentSource;
import org.cotejo.correlation.lr.Calibration;
import org.cotejo.correlation.lr.EvidenceItem;
import org.cotejo.correlation.lr.KindRate;
import org.cotejo.correlation.lr.SupportScale;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.pivot.PivotDecision;
import org.cotejo.detection.output.JsonOutput;

/**
 * What the three result files share: the header naming the format, and the options, calibration and
 * inputs every one of them repeats so that each file can be read (and checked) on its own. Layout as
 * {@code findings.json}: 4-space indents, keys in a fixed order, times in ISO 8601 UTC, no run date.
 */
final class CorrelationJson {
    static final int VERSION = 1;

    private CorrelationJson() {}

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Writes one file to a stream, which is left open (report.json embeds the three files whole). */
    static void write(OutputStream out, String format, CorrelationResult r, Body body) throws IOException {
        try (JsonGenerator g = JsonOutput.pretty(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("format", format);
            g.writeNumberField("version", VERSION);
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", "cotejo");
            g.writeEndObject();
            g.writeStringField("hp", "the same operator targeted both devices");
            g.writeStringField("hd", "different operators of the same tool targeted them");
            writeOptions(g, r.options());
            writeCalibration(g, r.calibration());
            writeInputs(g, r.devices(), r.enrichment());
            body.write(g);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeOptions(JsonGenerator g, CorrelationOptions o) throws IOException {
        g.writeObjectFieldStart("options");
        g.writeObjectFieldStart("feed_levels");
        for (var e : o.feedLevels().entrySet()) g.writeStringField(e.getKey(), e.getValue().key());
        g.writeEndObject();
        g.writeObjectFieldStart("fan_out_cap");
        g.writeNumberField("absolute", o.fanOutCap().absolute());
        g.writeNumberField("fraction", o.fanOutCap().fraction());
        g.writeEndObject();
        g.writeObjectFieldStart("link_threshold");
        ratio(g, o.linkLog10());
        g.writeEndObject();
        g.writeNumberField("max_log10_lr", o.maxLog10());
        g.writeArrayFieldStart("warning_lists");
        for (var l : o.warningLists().lists()) g.writeString(l.name() + " v" + l.version() + " (" + l.source() + ")");
        g.writeEndArray();
        g.writeNumberField("hosting_domains", o.hostingDomains());
        g.writeNumberField("burst_days", o.burstDays());
        g.writeNumberField("background_weight", o.backgroundWeight());
        g.writeNumberField("pivot_background_fraction", o.pivotBackground());
        g.writeNumberField("pivot_lift", o.pivotLift());
        g.writeNumberField("combination_fan_out", o.combinationFanOut());
        g.writeArrayFieldStart("pivot_decisions");
        for (PivotDecision d : o.pivotDecisions()) writeDecision(g, d);
        g.writeEndArray();
        g.writeEndObject();
    }

    static void writeDecision(JsonGenerator g, PivotDecision d) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", d.type().key());
        g.writeStringField("value", d.value());
        g.writeStringField("decision", d.decision().key());
        g.writeStringField("analyst", d.analyst());
        time(g, "when", d.when());
        g.writeStringField("note", d.note());
        g.writeEndObject();
    }

    private static void writeCalibration(JsonGenerator g, Calibration c) throws IOException {
        g.writeObjectFieldStart("calibration");
        g.writeStringField("name", c.name());
        g.writeStringField("provenance", c.provenance());
        g.writeArrayFieldStart("rates");
        for (KindRate k : c.rates()) {
            g.writeStartObject();
            g.writeStringField("kind", k.kind().key());
            g.writeStringField("label", k.kind().label());
            g.writeStringField("level", k.kind().level().key());
            g.writeNumberField("p_hp", k.pHp());
            g.writeNumberField("p_hd", k.pHd());
            ratio(g, Math.log10(k.lr()));
            g.writeStringField("source", k.source());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeInputs(JsonGenerator g, List<DeviceSummary> devices, List<EnrichmentSource> sources) throws IOException {
        g.writeObjectFieldStart("inputs");
        g.writeArrayFieldStart("devices");
        for (DeviceSummary d : devices) {
            g.writeStartObject();
            deviceFields(g, d.device());
            g.writeStringField("verdict", d.verdict().label());
            g.writeStringField("role", d.role().words());
            g.writeNumberField("values", d.sightings());
            strings(g, "sources", d.sources());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("enrichment");
        for (EnrichmentSource s : sources) {
            g.writeStartObject();
            g.writeStringField("kind", s.kind().key());
            g.writeStringField("file", s.file());
            g.writeStringField("sha256", s.sha256());
            g.writeStringField("source", s.source());
            if (s.date() == null) g.writeNullField("date");
            else g.writeStringField("date", s.date().toString());
            g.writeNumberField("records", s.records());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void deviceFields(JsonGenerator g, DeviceRef d) throws IOException {
        g.writeStringField("id", d.id());
        g.writeStringField("label", d.label());
        g.writeStringField("group", d.group());
        g.writeStringField("platform", d.platform());
    }

    static void device(JsonGenerator g, DeviceRef d) throws IOException {
        g.writeStartObject();
        deviceFields(g, d);
        g.writeEndObject();
    }

    /** log10_lr, lr and the verbal scale, rounded for reading (the same input always rounds the same way). */
    static void ratio(JsonGenerator g, double log10) throws IOException {
        g.writeNumberField("log10_lr", Math.round(log10 * 1000) / 1000.0);
        g.writeNumberField("lr", Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", Math.pow(10, log10))));
        g.writeStringField("support", SupportScale.ofLog10(log10).words());
    }

    static void item(JsonGenerator g, EvidenceItem it) throws IOException {
        g.writeStringField("kind", it.kind().key());
        g.writeStringField("label", it.kind().label());
        g.writeStringField("level", it.level().key());
        strings(g, "values", it.values());
        strings(g, "facts", it.facts());
        ratio(g, Math.log10(it.lr()));
        g.writeStringField("note", it.note());
        time(g, "first_seen", it.firstSeen());
        time(g, "last_seen", it.lastSeen());
    }

    static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String s : values) g.writeString(s);
        g.writeEndArray();
    }

    static void time(JsonGenerator g, String name, Instant t) throws IOException {
        if (t == null) g.writeNullField(name);
        else g.writeStringField(name, DateTimeFormatter.ISO_INSTANT.format(t));
    }
}
