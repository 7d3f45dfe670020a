package org.cotejo.report.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What produced the report.
 *
 * @param reportId      a stable id derived from the inputs (the same inputs give the same id)
 * @param title         the report's title
 * @param agency        the authority issuing it (the identity of the STIX bundle)
 * @param generatedAt   when it was produced (UTC); given by the caller so tests and re-derivations can fix it
 * @param toolVersion   Cotejo's version
 * @param language      "es", "fr" or "en"
 * @param schemaVersion report.json's schema version
 * @param tlp           the sharing level of the report and its machine outputs ("clear", "green", "amber", "amber+strict", "red")
 */
public record ReportMeta(String reportId, String title, String agency, Instant generatedAt, String toolVersion, String language,
                         int schemaVersion, String tlp) {
    public ReportMeta {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(generatedAt, "generatedAt");
        title = title == null ? "" : title;
        agency = agency == null ? "" : agency;
        toolVersion = toolVersion == null ? "unknown" : toolVersion;
        language = language == null ? "en" : language;
        tlp = tlp == null ? "amber" : tlp;
    }
}
