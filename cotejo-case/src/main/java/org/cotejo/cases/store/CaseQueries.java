package org.cotejo.cases.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.cotejo.cases.SharedObservable;
import org.cotejo.cases.StoredDetection;
import org.cotejo.cases.StoredObservation;
import org.cotejo.cases.StoredEvent;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The questions the analyst and the correlation stage ask of a case, each one statement that an index
 * of the schema answers without reading whole tables (CaseQueriesTest checks the plans). Orderings
 * are total, so the same case always gives the same lists.
 *
 * <p>{@code %s} in a statement is where PostgreSQL gets {@code COLLATE "C"}: its databases usually
 * sort text by a language's rules, and results must come out in the byte order SQLite uses.
 * Time columns need none: fixed-width ISO text sorts the same under every collation, which keeps
 * the timeline's index usable for its order.
 */
final class CaseQueries {
    static final String DETECTIONS_OF_DEVICE = "SELECT " + ResultHash.rowColumns(ResultHash.DETECTION_COLUMNS)
            + " FROM " + ResultHash.numbered("detections") + " WHERE d.case_id = :caseId AND d.id = :deviceId"
            + " ORDER BY (r.time IS NULL), r.time, r.scan_no, r.n";
    static final String DETECTIONS_OF_CASE = "SELECT " + ResultHash.rowColumns(ResultHash.DETECTION_COLUMNS)
            + " FROM " + ResultHash.numbered("detections") + " WHERE d.case_id = :caseId"
            + " ORDER BY d.id%s, (r.time IS NULL), r.time, r.scan_no, r.n";
    static final String DEVICES_WITH = "SELECT d.id, SUM(o.count) AS seen, MIN(o.first_seen) AS first_seen, MAX(o.last_seen) AS last_seen"
            + " FROM observations o JOIN devices d ON d.device_no = o.device_no"
            + " WHERE o.type = :type AND o.value = :value AND d.case_id = :caseId GROUP BY d.id ORDER BY d.id%s";
    static final String SHARED = "SELECT a.type, a.value, a.seen AS seen_a, b.seen AS seen_b FROM"
            + " (SELECT type, value, SUM(count) AS seen FROM observations WHERE device_no = (" + deviceNo("deviceA") + ")"
            + " GROUP BY type, value) a"
            + " JOIN (SELECT type, value, SUM(count) AS seen FROM observations WHERE device_no = (" + deviceNo("deviceB") + ")"
            + " GROUP BY type, value) b ON b.type = a.type AND b.value = a.value"
            + " ORDER BY a.type%s, a.value%<s";
    /** A device's observations, one row per scan, by type, value and scan (the primary key's order). */
    static final String OBSERVATIONS_OF_DEVICE = "SELECT type, value, count, first_seen, last_seen, trace"
            + " FROM observations WHERE device_no = (" + deviceNo("deviceId") + ") ORDER BY type%s, value%<s, scan_no";
    static final String EVENTS = "SELECT r.time, r.module, r.event, r.description, src.file, src.sha256, r.locator FROM events r"
            + " JOIN sources src ON src.device_no = r.device_no AND src.scan_no = r.scan_no AND src.source_no = r.source_no"
            + " WHERE r.device_no = (" + deviceNo("deviceId") + ") AND r.time >= :from ORDER BY r.time, r.scan_no, r.n LIMIT :limit";

    private final String textOrder;

    CaseQueries(String textOrder) {
        this.textOrder = textOrder;
    }

    /** The number under which the scan-row tables keep the case's device named by parameter {@code deviceParameter}. */
    private static String deviceNo(String deviceParameter) {
        return "SELECT device_no FROM devices WHERE case_id = :caseId AND id = :" + deviceParameter;
    }

    /** A statement above with this database's collation filled in. */
    String sql(String statement) {
        return String.format(statement, textOrder);
    }

    List<StoredDetection> detections(Handle h, String caseId, String deviceIdOrNull) {
        var q = h.createQuery(sql(deviceIdOrNull == null ? DETECTIONS_OF_CASE : DETECTIONS_OF_DEVICE)).bind("caseId", caseId);
        if (deviceIdOrNull != null) q.bind("deviceId", deviceIdOrNull);
        return q.map(CaseQueries::detection).list();
    }

    List<DeviceSighting> devicesWith(Handle h, String caseId, String type, String value) {
        return h.createQuery(sql(DEVICES_WITH)).bind("caseId", caseId).bind("type", type).bind("value", value)
                .map((r, ctx) -> new DeviceSighting(r.getString(1), r.getLong(2), StoredTime.parse(r.getString(3)),
                        StoredTime.parse(r.getString(4))))
                .list();
    }

    void observations(Handle h, String caseId, String deviceId, java.util.function.Consumer<StoredObservation> sink) {
        h.createQuery(sql(OBSERVATIONS_OF_DEVICE)).bind("caseId", caseId).bind("deviceId", deviceId).setFetchSize(10_000)
                .map((r, ctx) -> new StoredObservation(r.getString(1), r.getString(2), r.getLong(3), StoredTime.parse(r.getString(4)),
                        StoredTime.parse(r.getString(5)), r.getString(6)))
                .forEach(sink);
    }

    List<SharedObservable> shared(Handle h, String caseId, String deviceA, String deviceB) {
        return h.createQuery(sql(SHARED)).bind("caseId", caseId).bind("deviceA", deviceA).bind("deviceB", deviceB)
                .map((r, ctx) -> new SharedObservable(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4)))
                .list();
    }

    List<StoredEvent> events(Handle h, String caseId, String deviceId, Instant fromTime, int limit) {
        // "" sorts before every time, so a null start means the device's first event.
        String from = fromTime == null ? "" : StoredTime.format(fromTime);
        return h.createQuery(sql(EVENTS)).bind("caseId", caseId).bind("deviceId", deviceId).bind("from", from).bind("limit", limit)
                .map((r, ctx) -> new StoredEvent(StoredTime.parse(r.getString(1)), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7)))
                .list();
    }

    private static StoredDetection detection(ResultSet r, StatementContext ctx) throws SQLException {
        // Columns as in ResultHash.DETECTION_COLUMNS: n, device_id, level, ...
        return new StoredDetection(r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getString(12), r.getString(13), r.getString(14),
                r.getString(15), r.getString(16), r.getString(17), r.getString(18), r.getString(19), StoredTime.parse(r.getString(20)),
                r.getString(21));
    }
}
