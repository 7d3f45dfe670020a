package org.cotejo.cases.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Hashes a scan's rows on a second thread while the storing thread binds and inserts them: encoding
 * and hashing every value is a good part of a row's cost, and during a scan the other core is mostly
 * idle. One thread takes the chunks first in, first out, so rows reach each digest in the order they
 * were written. It touches no database: a scan that fails half-way only leaves some hashing to finish
 * in vain.
 */
final class BackgroundDigests {
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cotejo-row-digests");
        t.setDaemon(true);
        return t;
    });
    /** Chunks handed over and not yet hashed, at most: bounds the rows held in memory. */
    private static final int IN_FLIGHT = 64;

    private final Semaphore room = new Semaphore(IN_FLIGHT);
    private volatile RuntimeException failure;
    private Future<?> last;

    /**
     * Adds {@code count} rows to {@code digest}: each as its number ({@code firstN}, then one more for
     * each row), {@code deviceId}, and its values. The rows must not change afterwards.
     */
    void numberedRows(RowDigest digest, long firstN, String deviceId, Object[][] rows, int count) {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a scan", e);
        }
        last = THREAD.submit(() -> {
            try {
                long n = firstN;
                for (int r = 0; r < count; r++, n++) {
                    digest.value(n);
                    digest.value(deviceId);
                    for (Object v : rows[r]) digest.value(v);
                    digest.endRow();
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                room.release();
            }
        });
    }

    /** Waits until every row handed over is in its digest. */
    void await() {
        try {
            if (last != null) last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing a scan", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing a scan failed", e.getCause());
        }
        if (failure != null) throw new IllegalStateException("hashing a scan failed", failure);
    }
}
