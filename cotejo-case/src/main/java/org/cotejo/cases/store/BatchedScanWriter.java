package org.cotejo.cases.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import org.cotejo.cases.ScanSummary;
import org.cotejo.cases.ScanWriter;
import org.cotejo.cases.StoredAlert;
import org.cotejo.cases.StoredDetection;
import org.cotejo.cases.StoredEvent;
import org.cotejo.cases.StoredObservation;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Stores one scan's rows through JDBC batches of {@link EvidenceRows#BATCH} rows, hashing each
 * row as it is bound (see {@link ResultHash}). Rows of events, detections and alerts are numbered
 * {@code n} = 0, 1, 2... in the order they arrive. Rows are stored under the device's and the scan's
 * numbers and hashed with the device's public id, as {@link ResultHash} reads them back.
 */
final class BatchedScanWriter implements ScanWriter {
    private final Handle h;
    private final String caseId;
    private final String scanId;
    private final String deviceId;
    private final long deviceNo;
    private final long scanNo;
    private final String evidenceId;
    private final String textOrder;
    private final Table events;
    private final Table detections;
    private final Table alerts;
    private final Table observations;
    private boolean finished;

    BatchedScanWriter(Handle h, String caseId, String scanId, String deviceId, long deviceNo, long scanNo, String evidenceId,
                      String textOrder) {
        this.h = h;
        this.caseId = Objects.requireNonNull(caseId, "caseId");
        this.scanId = Objects.requireNonNull(scanId, "scanId");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.deviceNo = deviceNo;
        this.scanNo = scanNo;
        this.evidenceId = Objects.requireNonNull(evidenceId, "evidenceId");
        this.textOrder = textOrder;
        events = new Table("events", ResultHash.EVENT_COLUMNS);
        detections = new Table("detections", ResultHash.DETECTION_COLUMNS);
        alerts = new Table("alerts", ResultHash.ALERT_COLUMNS);
        observations = new Table("observations", ResultHash.OBSERVATION_COLUMNS);
    }

    @Override
    public void event(StoredEvent e) {
        events.add(StoredTime.format(Objects.requireNonNull(e.time(), "a timeline event needs a time")),
                e.module(), e.event(), e.description(), e.sourceFile(), e.sourceSha256(), e.locator());
    }

    @Override
    public void detection(StoredDetection d) {
        device(d.deviceId());
        detections.add(d.level(), d.disposition(), d.module(), d.trace(), d.observableType(),
                d.observableValue(), d.observableRaw(), d.field(), d.rule(), d.indicatorId(), d.indicatorType(), d.indicatorValue(),
                d.collection(), d.feedSha256(), d.sourceFile(), d.sourceSha256(), d.locator(), StoredTime.format(d.time()), d.message());
    }

    @Override
    public void alert(StoredAlert a) {
        device(a.deviceId());
        alerts.add(a.level(), a.heuristic(), a.module(), a.message(), StoredTime.format(a.time()),
                a.sourceFile(), a.sourceSha256(), a.locator());
    }

    /** One per (type, value) in a scan: the caller aggregates; a second one breaks the primary key. */
    @Override
    public void observation(StoredObservation o) {
        // Hashed when the scan finishes, in (type, value) order read back from the table.
        observations.addUnhashed(o.type(), o.value(), o.count(), StoredTime.format(o.firstSeen()),
                StoredTime.format(o.lastSeen()), o.trace());
    }

    @Override
    public ScanSummary finish(ScanSummary summary) {
        requireOpen();
        if (!summary.id().equals(scanId) || !summary.evidenceId().equals(evidenceId) || !summary.deviceId().equals(deviceId)) {
            throw new IllegalArgumentException("summary of scan " + summary.id() + " (evidence " + summary.evidenceId() + ", device "
                    + summary.deviceId() + ") does not belong to scan " + scanId + " of evidence " + evidenceId + ", device " + deviceId);
        }
        finished = true;
        for (Table t : new Table[] {events, detections, alerts, observations}) {
            t.flush();
            t.close();
        }
        // Detections and alerts are counted as stored, whatever the caller counted.
        Object[] scanRow = ScanRows.values(summary, detections.rows, alerts.rows);
        RowDigest scanDigest = new RowDigest();
        scanDigest.row(scanRow);
        ScanRows.insert(h, caseId, scanId, deviceNo, scanNo, scanRow);
        String hash = ResultHash.combine(scanDigest, events.digest, detections.digest, alerts.digest,
                ResultHash.observations(h, deviceNo, scanNo, textOrder));
        ScanRows.setResultHash(h, caseId, scanId, hash);
        return new ScanSummary(summary.id(), evidenceId, deviceId, summary.toolVersion(), summary.feedsKey(), summary.startedAt(),
                summary.finishedAt(), summary.analyst(), summary.verdict(), summary.verdictRule(), summary.reasons(), summary.records(),
                detections.rows, alerts.rows, summary.problems(), hash);
    }

    private void device(String given) {
        if (given != null && !given.equals(deviceId)) {
            throw new IllegalArgumentException("row of device " + given + " given to the scan of device " + deviceId);
        }
    }

    private void requireOpen() {
        if (finished) throw new IllegalStateException("scan " + scanId + " is already finished");
    }

    /**
     * One table's batch and digest. Plain JDBC batches rather than jdbi's PreparedBatch: jdbi looks up
     * an argument factory for every bound value, which cost more than SQLite's own work per row.
     */
    private final class Table {
        final PreparedStatement insert;
        final RowDigest digest = new RowDigest();
        /** Whether rows are numbered: {@code n} and then the device's id lead the hashed columns. */
        final boolean numbered;
        long rows;
        int pending;

        /** {@code publicColumns}: as {@link ResultHash} hashes them; the row stores numbers for the ids. */
        Table(String table, String publicColumns) {
            numbered = publicColumns.startsWith("n, device_id, ");
            String stored = numbered ? "n, " + publicColumns.substring("n, device_id, ".length())
                    : publicColumns.substring("device_id, evidence_id, ".length());
            int columns = stored.split(",").length;
            String sql = "INSERT INTO " + table + " (device_no, scan_no, " + stored + ") VALUES (?, ?" + ", ?".repeat(columns) + ")";
            try {
                insert = h.getConnection().prepareStatement(sql);
            } catch (SQLException e) {
                throw new UnableToCreateStatementException(e);
            }
        }

        /** A numbered row: {@code values} are the columns after n and device_id. */
        void add(Object... values) {
            requireOpen();
            digest.value(rows);
            digest.value(deviceId);
            for (Object v : values) digest.value(v);
            digest.endRow();
            bind(values);
        }

        /** A row hashed later, from the table: {@code values} are the stored columns after the numbers. */
        void addUnhashed(Object... values) {
            bind(values);
        }

        private void bind(Object[] values) {
            requireOpen();
            try {
                int at = 1;
                insert.setLong(at++, deviceNo);
                insert.setLong(at++, scanNo);
                if (numbered) insert.setLong(at++, rows);
                for (Object v : values) {
                    if (v instanceof Long n) insert.setLong(at++, n);
                    else insert.setString(at++, (String) v);
                }
                insert.addBatch();
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
            rows++;
            if (++pending >= EvidenceRows.BATCH) flush();
        }

        void flush() {
            try {
                if (pending > 0) insert.executeBatch();
                pending = 0;
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        }

        void close() {
            try {
                insert.close();
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        }
    }
}
