package org.cotejo.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.report.model.Report;

/**
 * Every file a report run writes into its output folder, each by its own writer. Files are written
 * under a temporary name and moved into place, so a failed run leaves no half-written file.
 */
public final class ReportOutputs {
    private ReportOutputs() {}

    /** The writers, in the order their files are written (report.json first: everything else restates it). */
    public static List<ReportWriter> writers() {
        List<ReportWriter> w = new ArrayList<>();
        // Each writer is added here by the package that implements it.
        w.add(new org.cotejo.report.json.ReportJsonWriter());
        w.add(new org.cotejo.report.html.HtmlReportWriter());
        w.add(new org.cotejo.report.pdf.PdfReportWriter());
        w.add(new org.cotejo.report.stix.StixBundleWriter());
        w.add(new org.cotejo.report.misp.MispEventWriter());
        w.add(new org.cotejo.report.timesketch.TimesketchWriter());
        return List.copyOf(w);
    }

    /** Writes every file into {@code folder} (which must exist) and returns their paths in writing order. */
    public static List<Path> writeAll(Report report, Path folder) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportWriter w : writers()) {
            Path target = folder.resolve(w.fileName());
            Path tmp = folder.resolve("." + w.fileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                w.write(report, out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
        }
        return written;
    }
}
