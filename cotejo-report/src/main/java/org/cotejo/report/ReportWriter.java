package org.cotejo.report;

import java.io.IOException;
import java.io.OutputStream;
import org.cotejo.report.model.Report;

/** Writes one file of a report run from the report alone. Writers are deterministic: same report, same bytes. */
public interface ReportWriter {
    /** The file's name in the output folder, e.g. {@code report.html}. */
    String fileName();

    /** One line saying what the file is, for the closing summary and the package manifest. */
    String description();

    void write(Report report, OutputStream out) throws IOException;
}
