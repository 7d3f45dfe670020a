package org.cotejo.core.concurrent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands items, in batches and in order, to one thread that consumes them, so that two stages of a run
 * (reading the evidence and judging it; judging it and writing the output files) go on two cores at
 * once. The queue is bounded: a consumer that falls behind holds up the producer instead of filling
 * the heap.
 *
 * <p>A failure on the consuming thread is kept and thrown to the producing side on its next item and
 * again by {@link #finish()}, so the run stops with it; the thread keeps draining the queue until then
 * so the producer never waits on a dead consumer.
 *
 * @param <T> the items handed over; they must not change once handed over
 */
public final class Handoff<T> {
    /** Consumes one item; runs on the consuming thread only. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(T item) throws IOException;
    }

    public static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 32;
    private final List<T> end = new ArrayList<>(0);

    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    private volatile Throwable failure;
    private List<T> batch = new ArrayList<>(BATCH);
    private boolean finished;

    /** Starts the consuming thread, named {@code threadName} (a daemon: it never keeps the JVM alive). */
    public Handoff(String threadName, Sink<T> sink) {
        thread = new Thread(() -> drain(sink), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(Sink<T> sink) {
        try {
            while (true) {
                List<T> items = queue.take();
                if (items == end) return;
                if (failure != null) continue;
                try {
                    for (T item : items) sink.accept(item);
                } catch (IOException | RuntimeException | Error e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            // Stopped by stop(): the run is being abandoned.
        }
    }

    /** Queues one item; throws what consuming an earlier one threw. */
    public void add(T item) throws IOException {
        rethrow();
        batch.add(item);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until every item handed over is consumed; throws what consuming them threw. */
    public void finish() throws IOException {
        if (!finished) {
            finished = true;
            if (!batch.isEmpty()) put(batch);
            batch = null;
            put(end);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + thread.getName(), e);
            }
        }
        rethrow();
    }

    /** Stops the thread without waiting for what is queued (the run is being abandoned). */
    public void stop() {
        if (!thread.isAlive()) return;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(List<T> items) throws IOException {
        try {
            queue.put(items);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + thread.getName(), e);
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
