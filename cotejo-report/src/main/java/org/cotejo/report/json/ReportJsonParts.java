package org.cotejo.report.json;

import static org.cotejo.report.json.ReportJsonWriter.strings;
import static org.cotejo.report.json.ReportJsonWriter.time;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.cotejo.correlation.DeviceSummary;
import org.cotejo.correlation.lr.KindRate;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.EvidenceEntry;
import org.cotejo.report.model.FeedEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.Mandate;
import org.cotejo.report.model.Method;
import org.cotejo.report.model.Report;
import org.cotejo.report.model.ReportMeta;
import org.cotejo.report.model.Side;
import org.cotejo.report.model.TimelinePoint;
import org.cotejo.report.model.ToolEntry;

/** The parts of report.json that are the report's own records, one method per record, fields in record order. */
final class ReportJsonParts {
    private ReportJsonParts() {}

    static void meta(JsonGenerator g, ReportMeta m) throws IOException {
        g.writeObjectFieldStart("meta");
        g.writeStringField("report_id", m.reportId());
        g.writeStringField("title", m.title());
        g.writeStringField("agency", m.agency());
        time(g, "generated_at", m.generatedAt());
        g.writeStringField("tool_version", m.toolVersion());
        g.writeStringField("language", m.language());
        g.writeStringField("tlp", m.tlp());
        g.writeEndObject();
    }

    static void mandate(JsonGenerator g, Mandate m) throws IOException {
        g.writeObjectFieldStart("mandate");
        g.writeStringField("court", m.court());
        g.writeStringField("proceedings", m.proceedings());
        g.writeStringField("instrument", m.instrument());
        g.writeStringField("requesting_authority", m.requestingAuthority());
        g.writeStringField("expert", m.expert());
        time(g, "ordered_at", m.orderedAt());
        strings(g, "questions", m.questions());
        g.writeEndObject();
    }

    static void sides(JsonGenerator g, List<Side> sides) throws IOException {
        g.writeArrayFieldStart("sides");
        for (Side s : sides) {
            g.writeStartObject();
            g.writeStringField("group", s.group());
            g.writeStringField("origin", s.origin());
            g.writeStringField("source", s.source());
            g.writeStringField("case_id", s.caseId());
            g.writeStringField("case_name", s.caseName());
            g.writeStringField("agency", s.agency());
            g.writeStringField("reference", s.reference());
            g.writeStringField("legal_basis", s.legalBasis());
            g.writeStringField("sender", s.sender());
            if (s.custody() == null) {
                g.writeNullField("custody");
            } else {
                Side.Custody c = s.custody();
                g.writeObjectFieldStart("custody");
                g.writeNumberField("entries", c.entries());
                g.writeStringField("head_hash", c.headHash());
                g.writeBooleanField("verified", c.verified());
                g.writeArrayFieldStart("excerpt");
                for (Side.LedgerLine l : c.excerpt()) {
                    g.writeStartObject();
                    g.writeNumberField("seq", l.seq());
                    g.writeStringField("time", l.time());
                    g.writeStringField("action", l.action());
                    g.writeStringField("analyst", l.analyst());
                    g.writeStringField("command", l.command());
                    g.writeStringField("entry_hash", l.entryHash());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void devices(JsonGenerator g, Report r) throws IOException {
        g.writeArrayFieldStart("devices");
        for (DeviceEntry d : r.devices()) {
            g.writeStartObject();
            g.writeStringField("id", d.ref().id());
            g.writeStringField("label", d.ref().label());
            g.writeStringField("group", d.ref().group());
            g.writeStringField("platform", d.ref().platform());
            g.writeStringField("verdict", d.verdict().label());
            g.writeStringField("rule", d.rule());
            strings(g, "reasons", d.reasons());
            String role = r.comparison().devices().stream().filter(s -> s.device().id().equals(d.ref().id())).findFirst()
                    .map(DeviceSummary::role).map(x -> x.words()).orElse(null);
            if (role == null) g.writeNullField("role");
            else g.writeStringField("role", role);
            g.writeArrayFieldStart("evidence");
            for (EvidenceEntry e : d.evidence()) evidence(g, e);
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding f : d.findings()) finding(g, f);
            g.writeEndArray();
            g.writeArrayFieldStart("timeline");
            for (TimelinePoint p : d.timeline()) {
                g.writeStartObject();
                time(g, "time", p.time());
                g.writeStringField("level", p.level());
                g.writeStringField("trace", p.trace());
                g.writeStringField("label", p.label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void evidence(JsonGenerator g, EvidenceEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("kind", e.kind());
        g.writeStringField("name", e.name());
        g.writeStringField("sha256", e.sha256());
        g.writeNumberField("files", e.files());
        g.writeNumberField("bytes", e.bytes());
        g.writeStringField("acquired_by", e.acquiredBy());
        time(g, "acquired_at", e.acquiredAt());
        g.writeStringField("method", e.method());
        g.writeStringField("tool", e.tool());
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", f.kind());
        g.writeStringField("level", f.level());
        g.writeStringField("disposition", f.disposition());
        g.writeStringField("trace", f.trace());
        g.writeStringField("module", f.module());
        g.writeStringField("type", f.type());
        g.writeStringField("value", f.value());
        g.writeStringField("indicator", f.indicator());
        g.writeStringField("indicator_id", f.indicatorId());
        g.writeStringField("collection", f.collection());
        g.writeStringField("feed_sha256", f.feedSha256());
        g.writeStringField("rule", f.rule());
        g.writeStringField("source_file", f.sourceFile());
        g.writeStringField("source_sha256", f.sourceSha256());
        g.writeStringField("locator", f.locator());
        time(g, "time", f.time());
        g.writeStringField("message", f.message());
        g.writeEndObject();
    }

    static void feeds(JsonGenerator g, List<FeedEntry> feeds) throws IOException {
        g.writeArrayFieldStart("feeds");
        for (FeedEntry f : feeds) {
            g.writeStartObject();
            g.writeStringField("name", f.name());
            g.writeStringField("sha256", f.sha256());
            g.writeStringField("format", f.format());
            g.writeStringField("source", f.source());
            time(g, "date", f.date());
            g.writeNumberField("indicators", f.indicators());
            g.writeStringField("level", f.level());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void tools(JsonGenerator g, List<ToolEntry> tools) throws IOException {
        g.writeArrayFieldStart("tools");
        for (ToolEntry t : tools) {
            g.writeStartObject();
            g.writeStringField("name", t.name());
            g.writeStringField("version", t.version());
            g.writeStringField("role", t.role());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void method(JsonGenerator g, Report r) throws IOException {
        Method m = r.method();
        var calibration = m.calibration() != null ? m.calibration() : r.comparison().calibration();
        double threshold = r.comparison().options().linkLog10();
        g.writeObjectFieldStart("method");
        g.writeObjectFieldStart("link_threshold");
        g.writeNumberField("log10_lr", threshold);
        g.writeNumberField("lr", Double.parseDouble(String.format(Locale.ROOT, "%.4g", Math.pow(10, threshold))));
        g.writeEndObject();
        g.writeObjectFieldStart("calibration");
        g.writeStringField("name", calibration.name());
        g.writeStringField("provenance", calibration.provenance());
        g.writeArrayFieldStart("rates");
        for (KindRate k : calibration.rates()) {
            g.writeStartObject();
            g.writeStringField("kind", k.kind().key());
            g.writeStringField("level", k.kind().level().key());
            g.writeNumberField("p_hp", k.pHp());
            g.writeNumberField("p_hd", k.pHd());
            g.writeNumberField("lr", k.lr());
            g.writeStringField("source", k.source());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        if (m.validation() == null) {
            g.writeNullField("validation");
        } else {
            g.writeObjectFieldStart("validation");
            g.writeStringField("provenance", m.validation().provenance());
            g.writeArrayFieldStart("rows");
            for (Method.ValidationRow v : m.validation().rows()) {
                g.writeStartObject();
                g.writeNumberField("devices", v.devices());
                g.writeStringField("condition", v.condition());
                g.writeNumberField("adjusted_rand_index", v.adjustedRandIndex());
                g.writeNumberField("precision", v.precision());
                g.writeNumberField("recall", v.recall());
                g.writeNumberField("false_strong_rate", v.falseStrongRate());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        strings(g, "limitations", m.limitations());
        g.writeEndObject();
    }
}
