package org.cotejo.detection.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Collects timeline events and writes them sorted to {@code timeline.csv} (MVT's layout) and
 * {@code timeline.jsonl} (Timesketch's import format). Events are held up to a fixed count, then sorted
 * and spilled to chunk files in a private folder and merged at the end, so memory does not grow with
 * the extraction. Identical events (time, module, event, description) are written once.
 */
final class TimelineSorter implements AutoCloseable {
    /** Rows held before a spill: about 15 MB of heap; 1.5 million rows make 15 chunks to merge. */
    static final int CHUNK = 100_000;
    /** Time, module, event, description, file, locator, then UTC before device-local; written out, as it runs millions of times. */
    private static final Comparator<Row> ORDER = (a, b) -> {
        int c = a.time.compareTo(b.time);
        if (c != 0) return c;
        if ((c = a.module.compareTo(b.module)) != 0) return c;
        if ((c = a.event.compareTo(b.event)) != 0) return c;
        if ((c = a.description.compareTo(b.description)) != 0) return c;
        if ((c = a.file.compareTo(b.file)) != 0) return c;
        if ((c = a.locator.compareTo(b.locator)) != 0) return c;
        return Boolean.compare(a.deviceLocal, b.deviceLocal);
    };

    record Row(Instant time, String module, String event, String description, String file, String sha256, String locator,
               boolean deviceLocal) {}

    private final Path spillDir;
    private final List<Row> buffer = new ArrayList<>();
    private final List<Path> chunks = new ArrayList<>();
    private long count;

    private final int chunk;

    TimelineSorter(Path spillDir) {
        this(spillDir, CHUNK);
    }

    TimelineSorter(Path spillDir, int chunk) {
        this.spillDir = spillDir;
        this.chunk = chunk;
    }

    void add(Record r) throws IOException {
        Provenance p = r.provenance();
        for (TimelineEvent e : r.timeline()) {
            buffer.add(new Row(e.time(), e.module(), e.event(), e.description(), p.logical(), p.sha256(), p.locator(), e.deviceLocal()));
            count++;
            if (buffer.size() >= chunk) spill();
        }
    }

    long count() { return count; }

    private void spill() throws IOException {
        buffer.sort(ORDER);
        Path chunk = spillDir.resolve("timeline-" + chunks.size() + ".bin");
        TimelineChunk.write(chunk, buffer);
        chunks.add(chunk);
        buffer.clear();
    }

    /**
     * Writes both files; {@code names} maps slugs to module names for the CSV's "Plugin" column. With
     * {@code android} the CSV is headed as MVT heads Android timelines ("Device Local Timestamp") and
     * gains a fifth column saying, row by row, whether the time is UTC or the device's wall clock in an
     * unknown zone: Android sources mix both, and a report must not pass one off as the other.
     */
    void write(Path csv, Path jsonl, Map<String, String> names, boolean android) throws IOException {
        buffer.sort(ORDER);
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(buffer.iterator()));
        List<TimelineChunk.Reader> readers = new ArrayList<>();
        try {
            for (Path c : chunks) {
                TimelineChunk.Reader in = new TimelineChunk.Reader(c);
                readers.add(in);
                sources.add(new Source(in));
            }
            PriorityQueue<Source> heap = new PriorityQueue<>(Comparator.comparing(s -> s.head, ORDER));
            for (Source s : sources) if (s.advance()) heap.add(s);
            JsonlWriter j = new JsonlWriter(jsonl);
            try (Csv.Out c = new Csv.Out(Files.newOutputStream(csv))) {
                if (android) c.row("Device Local Timestamp", "Plugin", "Event", "Description", "Time Zone");
                else c.row("UTC Timestamp", "Plugin", "Event", "Description");
                Row last = null;
                List<Row> batch = new ArrayList<>(BATCH);
                while (!heap.isEmpty()) {
                    Source s = heap.poll();
                    Row row = s.head;
                    if (s.advance()) heap.add(s);
                    if (last != null && last.time.equals(row.time) && last.module.equals(row.module)
                            && last.event.equals(row.event) && last.description.equals(row.description) && last.deviceLocal == row.deviceLocal) continue;
                    last = row;
                    String plugin = names.getOrDefault(row.module, row.module);
                    c.field(MvtTime.format(row.time));
                    c.field(plugin);
                    c.field(row.event);
                    c.field(row.description);
                    if (android) c.field(row.deviceLocal ? "device local" : "UTC");
                    c.endRow();
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        j.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                j.put(batch);
            } finally {
                j.finish();
            }
        } finally {
            for (TimelineChunk.Reader r : readers) r.close();
        }
    }

    private static final int BATCH = 1024;

    /**
     * Writes timeline.jsonl on its own thread while the merge writes timeline.csv: the two files hold
     * the same rows, and writing JSON is as costly as the merge itself.
     */
    private static final class JsonlWriter {
        private static final List<Row> END = List.of();
        private final java.util.concurrent.BlockingQueue<List<Row>> queue = new java.util.concurrent.ArrayBlockingQueue<>(64);
        private final Thread thread;
        private volatile IOException failure;

        JsonlWriter(Path file) {
            thread = new Thread(() -> {
                try (JsonBytes j = new JsonBytes(Files.newOutputStream(file))) {
                    while (true) {
                        List<Row> rows = queue.take();
                        if (rows == END) break;
                        for (Row row : rows) writeJsonl(j, row);
                    }
                } catch (IOException e) {
                    failure = e;
                    queue.clear();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "cotejo-timeline-jsonl");
            thread.setDaemon(true);
            thread.start();
        }

        void put(List<Row> rows) throws IOException {
            if (failure != null) throw failure;
            if (rows.isEmpty()) return;
            try {
                queue.put(rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing timeline.jsonl", e);
            }
        }

        void finish() throws IOException {
            try {
                if (thread.isAlive()) queue.put(END);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing timeline.jsonl", e);
            }
            if (failure != null) throw failure;
        }
    }

    /** One line of timeline.jsonl, laid out as Jackson's compact generator writes it. */
    private static void writeJsonl(JsonBytes j, Row row) throws IOException {
        j.raw("{\"message\":");
        j.string(row.description);
        j.raw(",\"datetime\":");
        j.isoInstant(row.time);
        j.raw(",\"timestamp\":");
        j.number(row.time.getEpochSecond() * 1_000_000L + row.time.getNano() / 1000);
        j.raw(",\"timestamp_desc\":");
        j.string(row.event);
        // Timesketch reads datetime as UTC; a device wall-clock time in an unknown zone says so.
        if (row.deviceLocal) j.raw(",\"time_zone\":\"device local (zone unknown)\"");
        j.raw(",\"module\":");
        j.string(row.module);
        j.raw(",\"source_file\":");
        j.string(row.file);
        j.raw(",\"source_sha256\":");
        j.string(row.sha256);
        j.raw(",\"source_locator\":");
        j.string(row.locator);
        j.raw("}\n");
    }

    /** One sorted run: the in-memory buffer or a spilled chunk. */
    private static final class Source {
        private final java.util.Iterator<Row> rows;
        private final TimelineChunk.Reader reader;
        Row head;

        Source(java.util.Iterator<Row> rows) {
            this.rows = rows;
            this.reader = null;
        }

        Source(TimelineChunk.Reader reader) {
            this.rows = null;
            this.reader = reader;
        }

        boolean advance() throws IOException {
            if (rows != null) head = rows.hasNext() ? rows.next() : null;
            else head = reader.next();
            return head != null;
        }
    }

    @Override
    public void close() {
        buffer.clear();
    }
}
