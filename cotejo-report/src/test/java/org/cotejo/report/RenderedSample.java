package org.cotejo.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cotejo.report.html.HtmlReport;
import org.cotejo.report.json.ReportJsonWriter;
import org.cotejo.report.model.Report;
import org.cotejo.report.pdf.PdfReportWriter;

/**
 * The sample report rendered once per language and shared by the renderer tests (correlating and laying
 * out a PDF take a moment; every test class reads the same output). The files are also left under
 * target/report-sample/ for a person to open.
 */
public final class RenderedSample {
    public record Rendered(Report report, String html, byte[] json, byte[] pdf) {}

    private static final Map<String, Rendered> BY_LANGUAGE = new ConcurrentHashMap<>();

    private RenderedSample() {}

    public static synchronized Rendered of(String language) {
        return BY_LANGUAGE.computeIfAbsent(language, RenderedSample::render);
    }

    private static Rendered render(String language) {
        try {
            Report r = SampleReports.of(SampleReports.world(7, 40), language);
            String html = HtmlReport.render(r);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            new ReportJsonWriter().write(r, json);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            PdfReportWriter.write(r, html, pdf);
            Path dir = Path.of("target", "report-sample", language);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.html"), html);
            Files.write(dir.resolve("report.json"), json.toByteArray());
            Files.write(dir.resolve("report.pdf"), pdf.toByteArray());
            return new Rendered(r, html, json.toByteArray(), pdf.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
