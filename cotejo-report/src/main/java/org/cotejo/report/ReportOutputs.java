package org.cotejo.report;

/**
 * Every file a report run writes into its output folder, each by its own writer:
 * {@code report.html}, {@code report.pdf}, {@code report.json}, {@code report.stix.json},
 * {@code report.misp.json}, {@code timeline.timesketch.jsonl}.
 */
public final class ReportOutputs {
    private ReportOutputs() {}
}
