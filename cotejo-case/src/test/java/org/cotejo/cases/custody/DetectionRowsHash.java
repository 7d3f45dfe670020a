package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** A result hash for tests: SHA-256 over a scan's detection rows in order (the case store defines the real one). */
final class DetectionRowsHash implements ResultHashes {
    @Override
    public String recompute(Handle h, String caseId, String scanId) {
        String rows = h.createQuery("SELECT n, device_id, observable_value, indicator_value, feed_sha256, message FROM detections"
                        + " WHERE case_id = :caseId AND scan_id = :scanId ORDER BY n")
                .bind("caseId", caseId)
                .bind("scanId", scanId)
                .map((rs, ctx) -> rs.getLong(1) + "\t" + rs.getString(2) + "\t" + rs.getString(3) + "\t" + rs.getString(4) + "\t"
                        + rs.getString(5) + "\t" + rs.getString(6) + "\n")
                .collect(Collectors.joining());
        return Hashing.sha256(rows);
    }
}
