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
import org.cotejo.report.model.ReportMeta;
import org.cotejo.report.pdf.PdfReportWriter;

/**
 * The sample report (a 40-device ES/FR world, correlated once) rendered once per language and shared by
 * the renderer tests; the PDF is laid out only for the languages a test asks it of. The files are also
 * left under target/report-sample/ for a person to open.
 */
public final class RenderedSample {
    private static Report english;
    private static final Map<String, Rendered> BY_LANGUAGE = new ConcurrentHashMap<>();

    private RenderedSample() {}

    public static final class Rendered {
        private final Report report;
        private final String html;
        private final byte[] json;
        private byte[] pdf;

        Rendered(Report report, String html, byte[] json) {
            this.report = report;
            this.html = html;
            this.json = json;
        }

        public Report report() { return report; }

        public String html() { return html; }

        public byte[] json() { return json; }

        public synchronized byte[] pdf() {
            if (pdf == null) {
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    PdfReportWriter.write(report, html, out);
                    pdf = out.toByteArray();
                    Files.write(dir(report).resolve("report.pdf"), pdf);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return pdf;
        }
    }

    public static synchronized Rendered of(String language) {
        return BY_LANGUAGE.computeIfAbsent(language, RenderedSample::render);
    }

    private static Rendered render(String language) {
        try {
            if (english == null) english = SampleReports.of(SampleReports.world(7, 40), "en");
            ReportMeta m = english.meta();
            Report r = new Report(new ReportMeta(m.reportId(), m.title(), m.agency(), m.generatedAt(), m.toolVersion(), language,
                    m.schemaVersion(), m.tlp()), english.mandate(), english.sides(), english.devices(), english.feeds(), english.tools(),
                    english.method(), english.comparison(), english.reproduce());
            String html = HtmlReport.render(r);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            new ReportJsonWriter().write(r, json);
            Path dir = dir(r);
            Files.writeString(dir.resolve("report.html"), html);
            Files.write(dir.resolve("report.json"), json.toByteArray());
            return new Rendered(r, html, json.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir(Report r) throws IOException {
        return Files.createDirectories(Path.of("target", "report-sample", r.meta().language()));
    }
}
