package org.cotejo.report.model;

import java.time.Instant;

/**
 * One detection (an indicator matched) or alert (a heuristic fired) on a device, with its provenance.
 *
 * @param kind           "detection" or "alert"
 * @param level          "critical", "high", "medium", "low" or "info"
 * @param disposition    for a detection: "evidence", "exposure", "warning-listed", ...; for an alert ""
 * @param trace          the trace class ("process", "network", "delivery", ...)
 * @param module         the artifact module or heuristic that produced it
 * @param type           the observable type key ("domain", "process", ...), or "" for an alert
 * @param value          the value seen (as found, not defanged), or "" for an alert
 * @param indicator      the matching indicator's value, or ""
 * @param indicatorId    the indicator's id in its feed, or ""
 * @param collection     the indicator's collection (e.g. "NSO Group Pegasus"), or ""
 * @param feedSha256     the feed's SHA-256, or ""
 * @param rule           the matching rule (e.g. "subdomain") or the heuristic's id
 * @param sourceFile     the file it was read from, inside the evidence item
 * @param sourceSha256   that file's SHA-256, or ""
 * @param locator        where in the file (row id, line, packet number)
 * @param time           when the trace was recorded on the device, or null
 * @param message        the one-line explanation
 * @param threat         what the indicator's collection says it indicates (the spyware family, e.g. "Pegasus"), or ""
 */
public record Finding(String kind, String level, String disposition, String trace, String module, String type, String value,
                      String indicator, String indicatorId, String collection, String feedSha256, String rule, String sourceFile,
                      String sourceSha256, String locator, Instant time, String message, String threat) {
    public Finding {
        kind = orEmpty(kind);
        level = orEmpty(level);
        disposition = orEmpty(disposition);
        trace = orEmpty(trace);
        module = orEmpty(module);
        type = orEmpty(type);
        value = orEmpty(value);
        indicator = orEmpty(indicator);
        indicatorId = orEmpty(indicatorId);
        collection = orEmpty(collection);
        feedSha256 = orEmpty(feedSha256);
        rule = orEmpty(rule);
        sourceFile = orEmpty(sourceFile);
        sourceSha256 = orEmpty(sourceSha256);
        locator = orEmpty(locator);
        message = orEmpty(message);
        threat = orEmpty(threat);
    }

    public boolean isDetection() {
        return kind.equals("detection");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
