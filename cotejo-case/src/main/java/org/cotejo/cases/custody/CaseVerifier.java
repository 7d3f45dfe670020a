package org.cotejo.cases.custody;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.cotejo.cases.custody.Discrepancy.What;
import org.cotejo.core.CotejoException;
import org.jdbi.v3.core.Handle;

/**
 * What {@code cotejo case verify} checks, for a counter-expert as much as for the analyst: the ledger
 * chain, every signature, every time stamp, every evidence file against its intake hash, every
 * scan's stored results against the hash recorded when they were stored, and for a foreign case the
 * received package's files, manifest and signature.
 */
public final class CaseVerifier {
    private final EvidenceSource evidence;
    private final ResultHashes results;
    private final int threads;

    /** A verifier hashing evidence on every core. */
    public CaseVerifier(EvidenceSource evidence, ResultHashes results) {
        this(evidence, results, Runtime.getRuntime().availableProcessors());
    }

    /** A verifier hashing evidence files on {@code threads} threads. */
    public CaseVerifier(EvidenceSource evidence, ResultHashes results, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.results = Objects.requireNonNull(results, "results");
        this.threads = threads;
    }

    /**
     * Every discrepancy in the case, in a stable order: signing keys, then the ledger in entry order
     * (chain and signature), time stamps, evidence (items in id order, files in path order), scans in
     * id order. An empty list means the case verifies. Run it in one transaction (REPEATABLE READ on
     * PostgreSQL) to check one consistent state of a case others are writing to.
     *
     * @throws CotejoException when the case does not exist
     */
    public List<Discrepancy> verify(Handle h, String caseId) {
        boolean exists = h.createQuery("SELECT id FROM cases WHERE id = :caseId").bind("caseId", caseId)
                .mapTo(String.class).findOne().isPresent();
        if (!exists) {
            throw new CotejoException("there is no case " + caseId + " in this case store; list the cases with 'cotejo case status'");
        }
        List<Discrepancy> found = new ArrayList<>(LedgerCheck.check(Ledger.entries(h, caseId), signingKeys(h, caseId)));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
        try {
            found.addAll(new EvidenceCheck(pool, threads).check(h, caseId, evidence));
        } finally {
            pool.shutdownNow();
        }
        found.addAll(results(h, caseId));
        found.addAll(ReceivedPackageCheck.check(h, caseId, evidence));
        return List.copyOf(found);
    }

    private List<Discrepancy> results(Handle h, String caseId) {
        Map<String, String> stored = new LinkedHashMap<>();
        h.createQuery("SELECT id, result_sha256 FROM scans WHERE case_id = :caseId ORDER BY id")
                .bind("caseId", caseId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> stored.put(e.getKey(), e.getValue()));
        List<Discrepancy> found = new ArrayList<>();
        stored.forEach((scanId, recorded) -> {
            String where = "scan " + scanId;
            try {
                String now = results.recompute(h, caseId, scanId);
                if (!recorded.equals(now)) {
                    found.add(new Discrepancy(What.RESULT, where, "its stored results hash to " + now + ", but the scan recorded "
                            + recorded + ": a result row was changed, added or removed after the scan"));
                }
            } catch (CotejoException e) {
                found.add(new Discrepancy(What.RESULT, where, "its results cannot be re-read: " + e.getMessage()));
            }
        });
        return found;
    }

    private static Map<String, String> signingKeys(Handle h, String caseId) {
        Map<String, String> keys = new LinkedHashMap<>();
        h.createQuery("SELECT key_id, public_key FROM signing_keys WHERE case_id = :caseId ORDER BY key_id")
                .bind("caseId", caseId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> keys.put(e.getKey(), e.getValue()));
        return keys;
    }

    private static ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "cotejo-verify-" + n.incrementAndGet());
            t.setDaemon(true); // an abandoned verification never keeps the process alive
            return t;
        };
    }
}
