package org.cotejo.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.output.ClustersJson;
import org.cotejo.correlation.output.LinksJson;
import org.cotejo.correlation.output.PivotsJson;
import org.cotejo.detection.output.JsonOutput;
import org.cotejo.report.ReportWriter;
import org.cotejo.report.model.Report;
import org.cotejo.report.text.Conclusions;
import org.cotejo.report.text.Texts;

/**
 * {@code report.json} (schema "cotejo-report", version 1; {@code report.schema.json} describes every
 * field): the whole report as data. The comparison is embedded as the correlation stage writes it
 * ({@code clusters.json}, {@code links.json}, {@code pivots.json}, each whole), so a reader of one knows
 * the other; the conclusions are the sentences the HTML shows, in the report's language. Keys are in a
 * fixed order, times ISO 8601 UTC, and the same report always gives the same bytes.
 */
public final class ReportJsonWriter implements ReportWriter {
    public static final String FILE = "report.json";
    /** The JSON Schema (draft 2020-12) of this file, on the class path. */
    public static final String SCHEMA_RESOURCE = "/org/cotejo/report/json/report.schema.json";

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public String description() {
        return "the report as data (schema cotejo-report v" + Report.SCHEMA_VERSION + ")";
    }

    @Override
    public void write(Report r, OutputStream out) throws IOException {
        Texts t = Texts.of(r.meta().language());
        ObjectMapper mapper = new ObjectMapper();
        try (JsonGenerator g = JsonOutput.pretty(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setCodec(mapper);
            g.writeStartObject();
            g.writeStringField("schema", Report.SCHEMA);
            g.writeNumberField("version", Report.SCHEMA_VERSION);
            ReportJsonParts.meta(g, r.meta());
            ReportJsonParts.mandate(g, r.mandate());
            ReportJsonParts.sides(g, r.sides());
            ReportJsonParts.devices(g, r);
            ReportJsonParts.feeds(g, r.feeds());
            ReportJsonParts.tools(g, r.tools());
            ReportJsonParts.method(g, r);
            comparison(g, r.comparison(), mapper);
            g.writeObjectFieldStart("conclusions");
            g.writeStringField("language", t.language().code());
            strings(g, "sentences", Conclusions.of(r, t));
            g.writeEndObject();
            g.writeStringField("reproduce", r.reproduce());
            g.writeEndObject();
        }
        out.write('\n');
    }

    private interface Part {
        void write(OutputStream out, CorrelationResult r) throws IOException;
    }

    /** The three correlation files, each embedded whole as its own writer makes it. */
    private static void comparison(JsonGenerator g, CorrelationResult c, ObjectMapper mapper) throws IOException {
        g.writeObjectFieldStart("comparison");
        embed(g, mapper, "clusters", c, ClustersJson::write);
        embed(g, mapper, "links", c, LinksJson::write);
        embed(g, mapper, "pivots", c, PivotsJson::write);
        g.writeEndObject();
    }

    private static void embed(JsonGenerator g, ObjectMapper mapper, String name, CorrelationResult c, Part part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.write(bytes, c);
        g.writeFieldName(name);
        // Reading the tree keeps key order and number text (doubles print the same way both times).
        g.writeTree(mapper.readTree(bytes.toByteArray()));
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
