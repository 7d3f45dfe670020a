package org.cotejo.cases.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.cotejo.cases.ScanSummary;
import org.cotejo.cases.ScanWriter;
import org.cotejo.core.CotejoException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The scans table and the start of a scan. */
final class ScanRows {
    private final String textOrder;

    ScanRows(String textOrder) {
        this.textOrder = textOrder;
    }

    boolean scanned(Handle h, String caseId, String evidenceId, String toolVersion, String feedsKey) {
        return h.createQuery("SELECT COUNT(*) FROM scans WHERE case_id = :caseId AND evidence_id = :evidenceId"
                        + " AND tool_version = :toolVersion AND feeds_key = :feedsKey")
                .bind("caseId", caseId).bind("evidenceId", evidenceId).bind("toolVersion", toolVersion).bind("feedsKey", feedsKey)
                .mapTo(Long.class).one() > 0;
    }

    /**
     * Removes what earlier scans of the evidence item stored, then returns the writer of the new one.
     * The case keeps one result per evidence item: two scans' events side by side would show every
     * timeline entry twice, and every stored scan stays verifiable against its result hash. The
     * custody ledger keeps the earlier scans' hashes.
     */
    ScanWriter start(Handle h, String caseId, String scanId, String deviceId, String evidenceId) {
        long deviceNo = h.createQuery("SELECT device_no FROM devices WHERE case_id = :caseId AND id = :deviceId")
                .bind("caseId", caseId).bind("deviceId", deviceId).mapTo(Long.class).findOne()
                .orElseThrow(() -> new CotejoException("the case has no device with id " + CotejoException.printable(deviceId)));
        // Observations exist only beside a scan row (one transaction writes both), so a first scan has
        // nothing to remove; skipping the deletes also spares PostgreSQL the range reads that make
        // concurrent first scans of other devices conflict.
        List<long[]> earlier = h.createQuery("SELECT device_no, scan_no FROM scans WHERE case_id = :caseId AND evidence_id = :evidenceId")
                .bind("caseId", caseId).bind("evidenceId", evidenceId).map((r, ctx) -> new long[] {r.getLong(1), r.getLong(2)}).list();
        for (long[] scan : earlier) {
            for (String table : List.of("events", "detections", "alerts", "observations", "sources")) {
                h.createUpdate("DELETE FROM " + table + " WHERE device_no = :deviceNo AND scan_no = :scanNo")
                        .bind("deviceNo", scan[0]).bind("scanNo", scan[1]).execute();
            }
        }
        if (!earlier.isEmpty()) {
            h.createUpdate("DELETE FROM scans WHERE case_id = :caseId AND evidence_id = :evidenceId")
                    .bind("caseId", caseId).bind("evidenceId", evidenceId).execute();
        }
        // Numbers the device's scans; a removed scan's number may be given again, its rows being gone.
        long scanNo = h.createQuery("SELECT COALESCE(MAX(scan_no), 0) + 1 FROM scans WHERE device_no = :deviceNo")
                .bind("deviceNo", deviceNo).mapTo(Long.class).one();
        return new BatchedScanWriter(h, caseId, scanId, deviceId, deviceNo, scanNo, evidenceId, textOrder);
    }

    List<ScanSummary> scans(Handle h, String caseId) {
        return h.createQuery("SELECT id, " + ResultHash.SCAN_COLUMNS + ", result_sha256 FROM scans WHERE case_id = :caseId"
                        + " ORDER BY started_at, id")
                .bind("caseId", caseId).map(ScanRows::summary).list();
    }

    String resultHash(Handle h, String caseId, String scanId) {
        return ResultHash.recompute(h, caseId, scanId, textOrder);
    }

    /**
     * Writes the scan row; {@code values} are the {@link ResultHash#SCAN_COLUMNS} in order. Its result
     * hash is set by {@link #setResultHash}: the hash covers rows read back through this row.
     */
    static void insert(Handle h, String caseId, String scanId, long deviceNo, long scanNo, Object[] values) {
        var update = h.createUpdate("INSERT INTO scans (case_id, id, device_no, scan_no, " + ResultHash.SCAN_COLUMNS + ", result_sha256)"
                + " VALUES (?, ?, ?, ?" + ", ?".repeat(values.length) + ", '')");
        update.bind(0, caseId).bind(1, scanId).bind(2, deviceNo).bind(3, scanNo);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Long n) update.bind(i + 4, n);
            else update.bind(i + 4, (String) values[i]);
        }
        update.execute();
    }

    static void setResultHash(Handle h, String caseId, String scanId, String resultSha256) {
        h.createUpdate("UPDATE scans SET result_sha256 = :hash WHERE case_id = :caseId AND id = :scanId")
                .bind("hash", resultSha256).bind("caseId", caseId).bind("scanId", scanId).execute();
    }

    /** The scan row as stored: text columns as bound, so the result hash sees the same bytes. */
    static Object[] values(ScanSummary s, long detections, long alerts) {
        return new Object[] {s.evidenceId(), s.deviceId(), s.toolVersion(), s.feedsKey(), StoredTime.format(s.startedAt()),
                StoredTime.format(s.finishedAt()), s.analyst(), s.verdict(), s.verdictRule(), JsonColumns.strings(s.reasons()),
                s.records(), detections, alerts, JsonColumns.strings(s.problems())};
    }

    private static ScanSummary summary(ResultSet r, StatementContext ctx) throws SQLException {
        return new ScanSummary(r.getString("id"), r.getString("evidence_id"), r.getString("device_id"), r.getString("tool_version"),
                r.getString("feeds_key"), StoredTime.parse(r.getString("started_at")), StoredTime.parse(r.getString("finished_at")),
                r.getString("analyst"), r.getString("verdict"), r.getString("verdict_rule"), JsonColumns.strings(r.getString("verdict_reasons")),
                r.getLong("records"), r.getLong("detections"), r.getLong("alerts"), JsonColumns.strings(r.getString("problems")),
                r.getString("result_sha256"));
    }
}
