package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** A result hash for tests: SHA-256 over a scan's detection rows in order (the case store defines the real one). */
final class DetectionRowsHash implements ResultHashes {
    @Override
    public String recompute(Handle h, String caseId, String scanId) {
        String rows = h.createQuery("SELECT r.n, d.id, r.observable_value, r.indicator_value, r.feed_sha256, r.message FROM detections r"
                        + " JOIN scans s ON s.device_no = r.device_no AND s.scan_no = r.scan_no JOIN devices d ON d.device_no = r.device_no"
                        + " WHERE s.case_id = :caseId AND s.id = :scanId ORDER BY r.n")
                .bind("caseId", caseId)
                .bind("scanId", scanId)
                .map((rs, ctx) -> rs.getLong(1) + "\t" + rs.getString(2) + "\t" + rs.getString(3) + "\t" + rs.getString(4) + "\t"
                        + rs.getString(5) + "\t" + rs.getString(6) + "\n")
                .collect(Collectors.joining());
        return Hashing.sha256(rows);
    }
}
