package org.cotejo.cases.store;

import java.sql.ResultSet;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * recomputation from the database agree exactly. The columns are the public ones: a row stores its
 * device, scan and source file as internal numbers ({@code device_no}, {@code scan_no},
 * {@code source_no}), and its {@code device_id}, {@code evidence_id}, {@code source_file} and
 * {@code source_sha256} here are the text those numbers stand for, read through the devices, scans and
 * sources tables. A changed number moves a row to another device, scan or source, and so changes the
 * hash too.
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

    private static final Pattern COLUMN = Pattern.compile("[a-z_0-9]+");

    private ResultHash() {}

    /** The hash from the rows stored for the scan, or null when the case has no such scan. */
    static String recompute(Handle h, String caseId, String scanId, String textOrder) {
        Optional<long[]> numbers = h.createQuery("SELECT device_no, scan_no FROM scans WHERE case_id = :caseId AND id = :scanId")
                .bind("caseId", caseId).bind("scanId", scanId).map((r, ctx) -> new long[] {r.getLong(1), r.getLong(2)}).findOne();
        if (numbers.isEmpty()) return null;
        long deviceNo = numbers.get()[0];
        long scanNo = numbers.get()[1];
        RowDigest scan = digest(h.createQuery("SELECT " + SCAN_COLUMNS + " FROM scans WHERE case_id = :caseId AND id = :scanId")
                .bind("caseId", caseId).bind("scanId", scanId));
        return combine(scan, rows(h, "events", EVENT_COLUMNS, deviceNo, scanNo), rows(h, "detections", DETECTION_COLUMNS, deviceNo, scanNo),
                rows(h, "alerts", ALERT_COLUMNS, deviceNo, scanNo), observations(h, deviceNo, scanNo, textOrder));
    }

    /** The scan's observations; the writer reads them back this way too, once its scan row is written. */
    static RowDigest observations(Handle h, long deviceNo, long scanNo, String textOrder) {
        return digest(h.createQuery("SELECT " + rowColumns(OBSERVATION_COLUMNS) + " FROM observations r"
                        + " JOIN devices d ON d.device_no = r.device_no"
                        + " JOIN scans s ON s.device_no = r.device_no AND s.scan_no = r.scan_no"
                        + " WHERE r.device_no = :deviceNo AND r.scan_no = :scanNo ORDER BY r.type" + textOrder + ", r.value" + textOrder)
                .bind("deviceNo", deviceNo).bind("scanNo", scanNo));
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

    /**
     * The select list for the public {@code columns} of a scan-row table aliased {@code r}, joined
     * as {@link #numbered} joins it (and, for evidence_id, with its scan as {@code s}).
     */
    static String rowColumns(String columns) {
        Matcher m = COLUMN.matcher(columns);
        StringBuilder select = new StringBuilder();
        while (m.find()) {
            String column = m.group();
            String source = switch (column) {
                case "device_id" -> "d.id";
                case "evidence_id" -> "s.evidence_id";
                case "source_file" -> "src.file";
                case "source_sha256" -> "src.sha256";
                default -> "r." + column;
            };
            m.appendReplacement(select, source);
        }
        return m.appendTail(select).toString();
    }

    /** A table of numbered rows (events, detections, alerts) as {@code r}, with its device as {@code d} and source as {@code src}. */
    static String numbered(String table) {
        return table + " r JOIN devices d ON d.device_no = r.device_no"
                + " JOIN sources src ON src.device_no = r.device_no AND src.scan_no = r.scan_no AND src.source_no = r.source_no";
    }

    private static RowDigest rows(Handle h, String table, String columns, long deviceNo, long scanNo) {
        return digest(h.createQuery("SELECT " + rowColumns(columns) + " FROM " + numbered(table)
                        + " WHERE r.device_no = :deviceNo AND r.scan_no = :scanNo ORDER BY r.n")
                .bind("deviceNo", deviceNo).bind("scanNo", scanNo));
    }

    private static RowDigest digest(Query query) {
        RowDigest digest = new RowDigest();
        query.setFetchSize(EvidenceRows.BATCH).scanResultSet((supplier, ctx) -> {
            try (ResultSet r = supplier.get()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    for (int i = 0; i < columns; i++) digest.value(r.getString(i + 1));
                    digest.endRow();
                }
                return null;
            }
        });
        return digest;
    }
}
