package org.cotejo.report.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.cotejo.report.ReportWriter;
import org.cotejo.report.model.Report;

/** {@code report.html}: the expert report, self-contained, for reading on screen and printing. */
public final class HtmlReportWriter implements ReportWriter {
    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    public String description() {
        return "the expert report (self-contained HTML, printable)";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        out.write(HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
    }
}
