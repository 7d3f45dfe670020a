package org.cotejo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.Correlator;
import org.cotejo.correlation.enrich.Enrichment;
import org.cotejo.report.html.HtmlReport;
import org.cotejo.report.json.ReportJson;
import org.cotejo.report.json.ReportJsonWriter;
import org.cotejo.report.model.Mandate;
import org.cotejo.report.model.Method;
import org.cotejo.report.model.Report;
import org.cotejo.report.model.ReportMeta;
import org.cotejo.report.pdf.PdfReportWriter;
import org.junit.jupiter.api.Test;

/** A report with nothing in it (no mandate, devices, feeds, clusters or validation) renders in every form and says so. */
class EmptyReportTest {
    private static Report empty(String language) {
        CorrelationResult nothing = Correlator.correlate(List.of(), Enrichment.none(), CorrelationOptions.defaults());
        return new Report(new ReportMeta("empty", "", "", SampleReports.GENERATED, null, language, Report.SCHEMA_VERSION, null),
                Mandate.notStated(), List.of(), List.of(), List.of(), List.of(), new Method(2, null, null, List.of()), nothing, null);
    }

    @Test
    void rendersInEveryLanguageAndStatesWhatIsMissing() throws Exception {
        for (String lang : List.of("en", "es", "fr")) {
            String html = HtmlReport.render(empty(lang));
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            assertThat(html).doesNotContain("<svg");
        }
        String html = HtmlReport.render(empty("en"));
        assertThat(html).contains("not stated", "No pair of targeted devices reached the link threshold", "No validation measurement",
                "No pivot was proposed", "Expert report: comparison of mobile-spyware infections");
    }

    @Test
    void writesItsJsonAndPdf() throws Exception {
        Report r = empty("en");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new ReportJsonWriter().write(r, json);
        var root = ReportJson.read(new ByteArrayInputStream(json.toByteArray()), "report.json");
        assertThat(ReportJson.clusterIds(root)).isEmpty();
        assertThat(root.path("method").path("validation").isNull()).isTrue();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new PdfReportWriter().write(r, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(HtmlReport.SECTIONS.size() - 1);
        }
    }
}
