package org.cotejo.detection.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
    static final int CHUNK = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<Row> ORDER = Comparator.comparing(Row::time).thenComparing(Row::module)
            .thenComparing(Row::event).thenComparing(Row::description).thenComparing(Row::file).thenComparing(Row::locator);

    record Row(Instant time, String module, String event, String description, String file, String sha256, String locator) {}

    private final Path spillDir;
    private final List<Row> buffer = new ArrayList<>();
    private final List<Path> chunks = new ArrayList<>();
    private long count;

    TimelineSorter(Path spillDir) {
        this.spillDir = spillDir;
    }

    void add(Record r) throws IOException {
        Provenance p = r.provenance();
        for (TimelineEvent e : r.timeline()) {
            buffer.add(new Row(e.time(), e.module(), e.event(), e.description(), p.logical(), p.sha256(), p.locator()));
            count++;
            if (buffer.size() >= CHUNK) spill();
        }
    }

    long count() { return count; }

    private void spill() throws IOException {
        buffer.sort(ORDER);
        Path chunk = spillDir.resolve("timeline-" + chunks.size() + ".jsonl");
        try (Writer w = Files.newBufferedWriter(chunk, StandardCharsets.UTF_8)) {
            for (Row row : buffer) {
                w.write(JSON.writeValueAsString(List.of(row.time.getEpochSecond(), row.time.getNano(), row.module, row.event,
                        row.description, row.file, row.sha256, row.locator)));
                w.write('\n');
            }
        }
        chunks.add(chunk);
        buffer.clear();
    }

    /** Writes both files; {@code names} maps slugs to module names for the CSV's "Plugin" column. */
    void write(Path csv, Path jsonl, Map<String, String> names) throws IOException {
        buffer.sort(ORDER);
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(buffer.iterator()));
        List<BufferedReader> readers = new ArrayList<>();
        try {
            for (Path c : chunks) {
                BufferedReader br = Files.newBufferedReader(c, StandardCharsets.UTF_8);
                readers.add(br);
                sources.add(new Source(br));
            }
            PriorityQueue<Source> heap = new PriorityQueue<>(Comparator.comparing(s -> s.head, ORDER));
            for (Source s : sources) if (s.advance()) heap.add(s);
            try (BufferedWriter c = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                 OutputStream j = new java.io.BufferedOutputStream(Files.newOutputStream(jsonl));
                 JsonGenerator g = JsonOutput.compact(j)) {
                g.setRootValueSeparator(null);
                Csv.row(c, "UTC Timestamp", "Plugin", "Event", "Description");
                Row last = null;
                while (!heap.isEmpty()) {
                    Source s = heap.poll();
                    Row row = s.head;
                    if (s.advance()) heap.add(s);
                    if (last != null && last.time.equals(row.time) && last.module.equals(row.module)
                            && last.event.equals(row.event) && last.description.equals(row.description)) continue;
                    last = row;
                    Csv.row(c, MvtTime.format(row.time), names.getOrDefault(row.module, row.module), row.event, row.description);
                    writeJsonl(g, row);
                    g.flush();
                    j.write('\n');
                }
            }
        } finally {
            for (BufferedReader r : readers) r.close();
        }
    }

    private static void writeJsonl(JsonGenerator g, Row row) throws IOException {
        g.writeStartObject();
        g.writeStringField("message", row.description);
        g.writeStringField("datetime", DateTimeFormatter.ISO_INSTANT.format(row.time));
        g.writeNumberField("timestamp", row.time.getEpochSecond() * 1_000_000L + row.time.getNano() / 1000);
        g.writeStringField("timestamp_desc", row.event);
        g.writeStringField("module", row.module);
        g.writeStringField("source_file", row.file);
        g.writeStringField("source_sha256", row.sha256);
        g.writeStringField("source_locator", row.locator);
        g.writeEndObject();
    }

    /** One sorted run: the in-memory buffer or a spilled chunk. */
    private static final class Source {
        private final java.util.Iterator<Row> rows;
        private final BufferedReader reader;
        Row head;

        Source(java.util.Iterator<Row> rows) {
            this.rows = rows;
            this.reader = null;
        }

        Source(BufferedReader reader) {
            this.rows = null;
            this.reader = reader;
        }

        boolean advance() throws IOException {
            if (rows != null) {
                head = rows.hasNext() ? rows.next() : null;
                return head != null;
            }
            String line = reader.readLine();
            if (line == null) {
                head = null;
                return false;
            }
            JsonNode a = JSON.readTree(line);
            head = new Row(Instant.ofEpochSecond(a.get(0).asLong(), a.get(1).asLong()), a.get(2).asText(), a.get(3).asText(),
                    a.get(4).asText(), a.get(5).asText(), a.get(6).asText(), a.get(7).asText());
            return true;
        }
    }

    @Override
    public void close() {
        buffer.clear();
    }
}
