package org.cotejo.cases.store;

import java.sql.ResultSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The result hash of a scan: what {@code case verify} recomputes to prove that no stored byte of
 * the scan changed. It is the SHA-256 (lower-case hex) of this UTF-8 text:
 *
 * <pre>
 * cotejo-scan-result-1
 * scan D
 * events N D
 * detections N D
 * alerts N D
 * observations N D
 * </pre>
 *
 * (each line ending in a line feed), where N is a row count and each D a {@link RowDigest} over the
 * rows of one table, columns in the order of the constants below:
 * <ul>
 *   <li>scan: the scan's own row ({@link #SCAN_COLUMNS}: verdict, counts, tool version, feeds...);
 *   <li>events, detections, alerts: the scan's rows in order of {@code n}, the order they were written;
 *   <li>observations: the scan's rows in order of type then value, compared as bytes (UTF-8).
 * </ul>
 * Values are the stored column text, so the writer (which hashes what it binds) and a later
 * recomputation from the database agree exactly.
 */
final class ResultHash {
    static final String SCAN_COLUMNS = "evidence_id, device_id, tool_version, feeds_key, started_at, finished_at, analyst, verdict,"
            + " verdict_rule, verdict_reasons, records, detections, alerts, problems";
    static final String EVENT_COLUMNS = "n, device_id, time, module, event, description, source_file, source_sha256, locator";
    static final String DETECTION_COLUMNS = "n, device_id, level, disposition, module, trace, observable_type, observable_value,"
            + " observable_raw, field, rule, indicator_id, indicator_type, indicator_value, collection, feed_sha256, source_file,"
            + " source_sha256, locator, time, message";
    static final String ALERT_COLUMNS = "n, device_id, level, heuristic, module, message, time, source_file, source_sha256, locator";
    static final String OBSERVATION_COLUMNS = "device_id, evidence_id, type, value, count, first_seen, last_seen, trace";

    private ResultHash() {}

    /** The hash from the rows stored for the scan, or null when the case has no such scan. */
    static String recompute(Handle h, String caseId, String scanId, String textOrder) {
        var item = h.createQuery("SELECT device_id, evidence_id FROM scans WHERE case_id = :caseId AND id = :scanId")
                .bind("caseId", caseId).bind("scanId", scanId).map((r, ctx) -> new String[] {r.getString(1), r.getString(2)}).findOne();
        if (item.isEmpty()) return null;
        RowDigest scan = digest(h.createQuery("SELECT " + SCAN_COLUMNS + " FROM scans WHERE case_id = :caseId AND id = :scanId"), caseId, scanId);
        return combine(scan, digest(h.createQuery(rowsOf("events", EVENT_COLUMNS)), caseId, scanId),
                digest(h.createQuery(rowsOf("detections", DETECTION_COLUMNS)), caseId, scanId),
                digest(h.createQuery(rowsOf("alerts", ALERT_COLUMNS)), caseId, scanId),
                observations(h, caseId, scanId, item.get()[0], item.get()[1], textOrder));
    }

    /**
     * The scan's observations, found through the primary key (case, device, ... evidence) rather than
     * by scan id, which no index leads with: a whole-table read per scan would make verifying a large
     * case slow and, on PostgreSQL, make every concurrent scan conflict with this one.
     */
    static RowDigest observations(Handle h, String caseId, String scanId, String deviceId, String evidenceId, String textOrder) {
        return digest(h.createQuery("SELECT " + OBSERVATION_COLUMNS + " FROM observations WHERE case_id = :caseId"
                        + " AND device_id = :deviceId AND evidence_id = :evidenceId AND scan_id = :scanId"
                        + " ORDER BY type" + textOrder + ", value" + textOrder)
                .bind("deviceId", deviceId).bind("evidenceId", evidenceId), caseId, scanId);
    }

    static String combine(RowDigest scan, RowDigest events, RowDigest detections, RowDigest alerts, RowDigest observations) {
        String text = "cotejo-scan-result-1\n"
                + "scan " + scan.hex() + "\n"
                + "events " + events.rows() + " " + events.hex() + "\n"
                + "detections " + detections.rows() + " " + detections.hex() + "\n"
                + "alerts " + alerts.rows() + " " + alerts.hex() + "\n"
                + "observations " + observations.rows() + " " + observations.hex() + "\n";
        return RowDigest.sha256Hex(text);
    }

    private static String rowsOf(String table, String columns) {
        return "SELECT " + columns + " FROM " + table + " WHERE case_id = :caseId AND scan_id = :scanId ORDER BY n";
    }

    private static RowDigest digest(Query query, String caseId, String scanId) {
        RowDigest digest = new RowDigest();
        query.bind("caseId", caseId).bind("scanId", scanId).setFetchSize(EvidenceRows.BATCH).scanResultSet((supplier, ctx) -> {
            try (ResultSet r = supplier.get()) {
                int columns = r.getMetaData().getColumnCount();
                Object[] values = new Object[columns];
                while (r.next()) {
                    for (int i = 0; i < columns; i++) values[i] = r.getString(i + 1);
                    digest.row(values);
                }
                return null;
            }
        });
        return digest;
    }
}
