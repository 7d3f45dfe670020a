package org.cotejo.report;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.cotejo.report.html.HtmlReport;
import org.cotejo.report.json.ReportJsonWriter;
import org.cotejo.report.model.Report;
import org.cotejo.report.pdf.PdfReportWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How long rendering takes (report.json, HTML, PDF) for worlds of 12 and 200 devices; prints its figures
 * and asserts nothing about time. Runs only when asked: {@code -Dcotejo.bench=true}.
 */
class RenderingTimesTest {
    @ParameterizedTest
    @ValueSource(ints = {12, 200})
    void printsRenderingTimes(int devices) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("cotejo.bench"), "rendering times run with -Dcotejo.bench=true");
        long t0 = System.nanoTime();
        Report r = SampleReports.of(SampleReports.world(7, devices), "en");
        long t1 = System.nanoTime();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new ReportJsonWriter().write(r, json);
        long t2 = System.nanoTime();
        String html = HtmlReport.render(r);
        long t3 = System.nanoTime();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfReportWriter.write(r, html, pdf);
        long t4 = System.nanoTime();
        // CPU time of this thread: what the layout costs, whatever else the machine is doing.
        System.out.printf(Locale.ROOT, "pdf of %d devices: %.2f s on this thread's CPU%n", devices,
                (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        if (Boolean.getBoolean("cotejo.bench.twice")) {
            pdf.reset();
            long w = System.nanoTime();
            PdfReportWriter.write(r, html, pdf);
            System.out.printf(Locale.ROOT, "pdf again %.2f s%n", (System.nanoTime() - w) / 1e9);
        }
        System.out.printf(Locale.ROOT, "rendering %d devices (%d findings, %d clusters): correlate %.2f s, report.json %.2f s (%d KiB), "
                        + "html %.2f s (%d KiB), pdf %.2f s (%d KiB)%n", devices,
                r.devices().stream().mapToInt(d -> d.findings().size()).sum(), r.comparison().clusters().size(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, json.size() / 1024, (t3 - t2) / 1e9, html.length() / 1024, (t4 - t3) / 1e9, pdf.size() / 1024);
    }
}
