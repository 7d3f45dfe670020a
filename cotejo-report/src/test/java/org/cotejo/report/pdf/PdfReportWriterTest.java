package org.cotejo.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cotejo.report.RenderedSample;
import org.junit.jupiter.api.Test;

class PdfReportWriterTest {
    @Test
    void hasThePagesHeadingsAndConclusionsOfTheReport() throws Exception {
        var s = RenderedSample.of("en");
        try (PDDocument doc = Loader.loadPDF(s.pdf())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(8);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("1. Mandate", "2. Evidence inventory", "4. Method", "6. Comparison", "8. Conclusions", "Annex");
            assertThat(text).contains("The findings provide").contains("rather than the proposition that different operators");
            assertThat(text).contains("Page 1 / " + doc.getNumberOfPages());
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(s.report().meta().title());
        }
    }

    @Test
    void embedsEveryFontItUses() throws Exception {
        try (PDDocument doc = Loader.loadPDF(RenderedSample.of("en").pdf())) {
            int fonts = 0;
            for (PDPage page : doc.getPages()) fonts += checkFonts(page.getResources());
            assertThat(fonts).isPositive();
        }
    }

    private static int checkFonts(PDResources res) throws Exception {
        if (res == null) return 0;
        int n = 0;
        for (var name : res.getFontNames()) {
            PDFont f = res.getFont(name);
            assertThat(f.isEmbedded()).as(f.getName()).isTrue();
            if (f instanceof PDType0Font t0) assertThat(t0.getDescendantFont().isEmbedded()).isTrue();
            n++;
        }
        for (var name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDFormXObject form) n += checkFonts(form.getResources());
        }
        return n;
    }

    @Test
    void theSameReportGivesTheSamePdfBytes() throws Exception {
        var s = RenderedSample.of("en");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        PdfReportWriter.write(s.report(), s.html(), again);
        assertThat(again.toByteArray()).isEqualTo(s.pdf());
    }
}
