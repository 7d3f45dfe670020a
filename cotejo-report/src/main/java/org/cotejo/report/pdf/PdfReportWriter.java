package org.cotejo.report.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.Set;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.cotejo.report.ReportWriter;
import org.cotejo.report.html.HtmlReport;
import org.cotejo.report.model.Report;

/**
 * {@code report.pdf}: the same XHTML as report.html laid out on A4 pages by openhtmltopdf, with DejaVu
 * Sans embedded from the jar (so a machine without the font gives the same PDF) and the SVG figures
 * drawn by Batik. The document id and dates come from the report, not the clock, so the same report
 * gives the same bytes.
 */
public final class PdfReportWriter implements ReportWriter {
    static final String FAMILY = "DejaVu Sans";
    private static final String REGULAR = "DejaVuSans.ttf";
    private static final String BOLD = "DejaVuSans-Bold.ttf";

    static {
        // The layout engine logs every font load and CSS remark at INFO on stderr; a report run is not the place.
        XRLog.setLoggingEnabled(false);
    }

    @Override
    public String fileName() {
        return "report.pdf";
    }

    @Override
    public String description() {
        return "the expert report as PDF (same content as report.html, fonts embedded)";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        write(report, HtmlReport.render(report), out);
    }

    /** Lays out {@code xhtml} (the report's own HTML) as the PDF; for callers that already rendered it. */
    public static void write(Report report, String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.withProducer("Cotejo " + report.meta().toolVersion() + " (openhtmltopdf)");
        // The same faces for the document and the SVG figures, so no text falls back to a font that is not embedded
        // (the test checks every font). Not registered as FALLBACK_FINAL: in 1.1.65 that hides the family from CSS
        // matching and the document silently comes out in Helvetica. No italic face is shipped.
        Set<FSFontUseCase> everywhere = EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG);
        b.useFont(() -> font(REGULAR), FAMILY, 400, FontStyle.NORMAL, true, everywhere);
        b.useFont(() -> font(BOLD), FAMILY, 700, FontStyle.NORMAL, true, everywhere);
        b.useSVGDrawer(new BatikSVGDrawer());
        // No base URI: the document refers to nothing outside itself.
        b.withHtmlContent(xhtml, null);
        try (PdfBoxRenderer renderer = b.buildPdfRenderer()) {
            renderer.layout();
            // Kept open so that the id and dates, which openhtmltopdf takes from the clock, are set from the report before saving.
            try (PDDocument doc = renderer.createPDFKeepOpen()) {
                doc.setDocumentId(documentId(report));
                PDDocumentInformation info = doc.getDocumentInformation();
                Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
                when.setTimeInMillis(report.meta().generatedAt().toEpochMilli());
                info.setCreationDate(when);
                info.setModificationDate(when);
                info.setTitle(report.meta().title());
                info.setAuthor(report.meta().agency());
                doc.save(out);
            }
        }
    }

    private static InputStream font(String name) {
        InputStream in = PdfReportWriter.class.getResourceAsStream(name);
        if (in == null) throw new UncheckedIOException(new IOException("the build lost the font " + name));
        return in;
    }

    /** A document id from the report's id and time: fixed for a report, different between reports. */
    private static long documentId(Report r) {
        byte[] d = org.cotejo.core.Hashing.sha256()
                .digest((r.meta().reportId() + "\n" + r.meta().generatedAt()).getBytes(StandardCharsets.UTF_8));
        long id = 0;
        for (int i = 0; i < 8; i++) id = id << 8 | (d[i] & 0xff);
        return id;
    }
}
