package org.cotejo.report.model;

import java.time.Instant;

/**
 * One indicator feed used.
 *
 * @param name       its file name
 * @param sha256     its SHA-256 (feeds are pinned by hash)
 * @param format     "stix2", "misp", "csv", "list"
 * @param source     where it came from (a URL, "bundled", "received in package X"), or ""
 * @param date       when it was retrieved or added, or null
 * @param indicators how many indicators it holds
 * @param level      the evidence level applied to it ("tool", "operator", "weak-infrastructure", "by type")
 */
public record FeedEntry(String name, String sha256, String format, String source, Instant date, long indicators, String level) {
    public FeedEntry {
        format = format == null ? "" : format;
        source = source == null ? "" : source;
        level = level == null ? "by type" : level;
    }
}
