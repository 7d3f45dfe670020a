package org.cotejo.cases;

import java.time.Instant;
import java.util.List;

/**
 * One scan of one evidence item: which tool version and feeds produced it, the verdict, and counts.
 *
 * @param id           stable id (a UUID)
 * @param evidenceId   the evidence item scanned
 * @param deviceId     its device
 * @param toolVersion  Cotejo's version
 * @param feedsKey     SHA-256 of the sorted hashes of the feeds used: a scan is redone when this changes
 * @param startedAt    start (UTC)
 * @param finishedAt   end (UTC)
 * @param analyst      the declared analyst, or null
 * @param verdict      "infected", "attempted", "inconclusive", "nothing found"
 * @param verdictRule  the rule that gave it
 * @param reasons      the facts it rests on
 * @param records      records read
 * @param detections   detections stored
 * @param alerts       alerts stored
 * @param problems     what could not be read ("module (file): message")
 * @param resultSha256 hash over the scan's stored rows (filled in when the scan is stored)
 */
public record ScanSummary(String id, String evidenceId, String deviceId, String toolVersion, String feedsKey, Instant startedAt,
                          Instant finishedAt, String analyst, String verdict, String verdictRule, List<String> reasons,
                          long records, long detections, long alerts, List<String> problems, String resultSha256) {
    public ScanSummary {
        reasons = List.copyOf(reasons);
        problems = List.copyOf(problems);
    }
}
