package org.cotejo.cases.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
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
 * row as it is bound (see {@link ResultHash}; the hashing runs on a second thread, {@link BackgroundDigests}). Rows of events, detections and alerts are numbered
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
    private final BackgroundDigests digests = new BackgroundDigests();
    /** The scan's source files by path and hash, numbered in the order they first occur. */
    private final Map<Source, Long> sources = new HashMap<>();
    private final PreparedStatement sourceInsert;
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
        try {
            sourceInsert = h.getConnection().prepareStatement("INSERT INTO sources (device_no, scan_no, source_no, file, sha256)"
                    + " VALUES (?, ?, ?, ?, ?)");
        } catch (SQLException e) {
            throw new UnableToCreateStatementException(e);
        }
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
        observations.add(o.type(), o.value(), o.count(), StoredTime.format(o.firstSeen()),
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
        try {
            sourceInsert.close();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        digests.await();
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

    /** The number of a source file in this scan, stored with the file's path and hash the first time it occurs. */
    private long sourceNo(String file, String sha256) {
        Source key = new Source(file, sha256);
        Long known = sources.get(key);
        if (known != null) return known;
        long no = sources.size() + 1;
        try {
            sourceInsert.setLong(1, deviceNo);
            sourceInsert.setLong(2, scanNo);
            sourceInsert.setLong(3, no);
            sourceInsert.setString(4, file);
            sourceInsert.setString(5, sha256);
            sourceInsert.executeUpdate();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        sources.put(key, no);
        return no;
    }

    private record Source(String file, String sha256) {}

    private void requireOpen() {
        if (finished) throw new IllegalStateException("scan " + scanId + " is already finished");
    }

    /**
     * One table's batch and digest. Rows go {@link #ROWS} to a statement (one INSERT with that many
     * VALUES rows): SQLite's work per statement and the driver's per executed row cost more than a
     * row's own insert; the last few rows of the scan go one to a statement. Plain JDBC batches
     * rather than jdbi's PreparedBatch: jdbi looks up an argument factory for every bound value, which
     * cost more than SQLite's own work per row.
     */
    private final class Table {
        /** Rows per INSERT statement (at most 23 columns: 2,300 parameters, well within both databases' limits). */
        static final int ROWS = 100;

        final PreparedStatement manyRows;
        final PreparedStatement oneRow;
        final RowDigest digest = new RowDigest();
        /** Whether rows are numbered: {@code n} and then the device's id lead the hashed columns. */
        final boolean numbered;
        /** Whether rows are hashed as they are written (observations are read back in order when the scan finishes). */
        final boolean hashed;
        /** Where source_file and then source_sha256 are among a row's values (stored as one source_no); -1 without. */
        final int sourceAt;
        /** The values of rows not yet bound, after their numbers. */
        Object[][] waiting = new Object[ROWS][];
        /** Their source numbers, when the table has a source. */
        final long[] waitingSources = new long[ROWS];
        int waitingRows;
        int pendingStatements;
        long rows;

        /** {@code publicColumns}: as {@link ResultHash} hashes them; the row stores numbers for the ids. */
        Table(String table, String publicColumns) {
            numbered = publicColumns.startsWith("n, device_id, ");
            hashed = numbered;
            String values = numbered ? publicColumns.substring("n, device_id, ".length())
                    : publicColumns.substring("device_id, evidence_id, ".length());
            sourceAt = Arrays.asList(values.split(", ")).indexOf("source_file");
            String stored = (numbered ? "n, " : "") + values.replace("source_file, source_sha256", "source_no");
            // The scan's numbers are written into the statement (they are numbers this writer looked up,
            // not text from evidence): two fewer values to bind per row.
            String row = "(" + deviceNo + ", " + scanNo + ", ?" + ", ?".repeat(stored.split(",").length - 1) + ")";
            String insert = "INSERT INTO " + table + " (device_no, scan_no, " + stored + ") VALUES ";
            try {
                manyRows = h.getConnection().prepareStatement(insert + String.join(", ", Collections.nCopies(ROWS, row)));
                oneRow = h.getConnection().prepareStatement(insert + row);
            } catch (SQLException e) {
                throw new UnableToCreateStatementException(e);
            }
        }

        /**
         * A row: {@code values} are its stored columns after the numbers (for a numbered row, the columns
         * hashed after n and device_id).
         */
        void add(Object... values) {
            requireOpen();
            if (sourceAt >= 0) waitingSources[waitingRows] = sourceNo((String) values[sourceAt], (String) values[sourceAt + 1]);
            waiting[waitingRows++] = values;
            rows++;
            if (waitingRows < ROWS) return;
            try {
                hashWaiting();
                bindWaiting(manyRows, 0, ROWS, 1);
                manyRows.addBatch();
                if (++pendingStatements * ROWS >= EvidenceRows.BATCH) {
                    manyRows.executeBatch();
                    pendingStatements = 0;
                }
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
            waiting = new Object[ROWS][];
            waitingRows = 0;
        }

        /** Binds waiting rows {@code from} until {@code to} to {@code insert}, the first at parameter {@code at}. */
        private void bindWaiting(PreparedStatement insert, int from, int to, int at) throws SQLException {
            long n = rows - waitingRows + from;
            for (int r = from; r < to; r++, n++) {
                if (numbered) insert.setLong(at++, n);
                Object[] values = waiting[r];
                for (int i = 0; i < values.length; i++) {
                    if (i == sourceAt) {
                        insert.setLong(at++, waitingSources[r]);
                        i++; // source_sha256, stored with the source
                    } else if (values[i] instanceof Long l) {
                        insert.setLong(at++, l);
                    } else {
                        insert.setString(at++, (String) values[i]);
                    }
                }
            }
        }

        /** Hands the waiting rows to the digest thread; they are not changed afterwards (a new array waits). */
        private void hashWaiting() {
            if (hashed && waitingRows > 0) digests.numberedRows(digest, rows - waitingRows, deviceId, waiting, waitingRows);
        }

        void flush() {
            hashWaiting();
            try {
                if (pendingStatements > 0) manyRows.executeBatch();
                pendingStatements = 0;
                for (int r = 0; r < waitingRows; r++) {
                    bindWaiting(oneRow, r, r + 1, 1);
                    oneRow.addBatch();
                }
                if (waitingRows > 0) oneRow.executeBatch();
                waiting = new Object[ROWS][];
                waitingRows = 0;
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        }

        void close() {
            try {
                manyRows.close();
                oneRow.close();
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        }
    }
}
