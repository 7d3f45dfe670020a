package org.cotejo.cases;

/**
 * Writes one scan's rows inside the caller's transaction, batched. Nothing is visible to others until
 * the transaction commits, so a scan killed half-way leaves the case as it was.
 */
public interface ScanWriter {
    void event(StoredEvent event);

    void observation(StoredObservation observation);

    void detection(StoredDetection detection);

    void alert(StoredAlert alert);

    /**
     * Flushes the rows, computes the result hash over them (as {@code CaseStore.resultHash} recomputes
     * it from the stored rows) and writes the scan row. Returns the summary with its hash.
     */
    ScanSummary finish(ScanSummary summary);
}
