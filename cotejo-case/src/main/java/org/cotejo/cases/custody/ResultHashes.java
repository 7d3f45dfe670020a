package org.cotejo.cases.custody;

import org.jdbi.v3.core.Handle;

/**
 * Recomputes a scan's result hash from the rows stored for it, the same way it was computed when the
 * scan was stored (the case store's {@code resultHash}); verification compares it with
 * {@code scans.result_sha256}.
 */
@FunctionalInterface
public interface ResultHashes {
    String recompute(Handle h, String caseId, String scanId);
}
