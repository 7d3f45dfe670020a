package org.cotejo.detection.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.cotejo.forensics.record.Record;

/**
 * Hands records, in batches and in order, to one thread that writes them, so that reading and judging
 * the evidence (the module's thread) and writing the output files run on two cores at once. The queue
 * is bounded: a writer that falls behind holds up the reader instead of filling the heap.
 *
 * <p>A failure on the writing thread is kept and thrown to the reading side on its next record and
 * again by {@link #finish()}, so the run stops with it; the thread keeps draining the queue until then
 * so the reader never waits on a dead writer.
 */
final class WriterThread {
    /** Writes one record; runs on the writing thread only. */
    interface Sink {
        void write(Record r) throws IOException;
    }

    static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 32;
    private static final List<Record> END = List.of();

    private final BlockingQueue<List<Record>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    private volatile Throwable failure;
    private List<Record> batch = new ArrayList<>(BATCH);
    private boolean finished;

    WriterThread(Sink sink) {
        thread = new Thread(() -> drain(sink), "cotejo-output-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(Sink sink) {
        try {
            while (true) {
                List<Record> records = queue.take();
                if (records == END) return;
                if (failure != null) continue;
                try {
                    for (Record r : records) sink.write(r);
                } catch (IOException | RuntimeException | Error e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            // Stopped by close(): the run is being abandoned.
        }
    }

    void add(Record r) throws IOException {
        rethrow();
        batch.add(r);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until every record handed over is written; throws what writing them threw. */
    void finish() throws IOException {
        if (!finished) {
            finished = true;
            if (!batch.isEmpty()) put(batch);
            batch = null;
            put(END);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the outputs", e);
            }
        }
        rethrow();
    }

    /** Stops the thread without waiting for what is queued (the outputs are being discarded). */
    void stop() {
        if (!thread.isAlive()) return;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(List<Record> records) throws IOException {
        try {
            queue.put(records);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the outputs", e);
        }
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t == null) return;
        if (t instanceof IOException e) throw e;
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        throw new UncheckedIOException(new IOException(t));
    }
}
