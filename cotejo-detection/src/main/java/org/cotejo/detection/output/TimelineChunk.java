package org.cotejo.detection.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.detection.output.TimelineSorter.Row;

/**
 * One sorted run of timeline rows spilled to a private file, and its reader. The layout is Cotejo's own
 * and lives only while a check runs: a count, then per row the time (seconds, nanoseconds), the
 * device-local flag and six UTF-8 texts. A text equal to the same column of the row before is written
 * as length -1: sorted rows repeat their module, file, hash and event, and reading them back then
 * shares one string instead of decoding a copy per row.
 */
final class TimelineChunk {
    private static final int BUFFER = 1 << 16;
    private static final int SAME = -1;

    private TimelineChunk() {}

    static void write(Path file, List<Row> rows) throws IOException {
        try (Out out = new Out(Files.newOutputStream(file))) {
            out.putInt(rows.size());
            Row prev = null;
            for (Row row : rows) {
                out.putLong(row.time().getEpochSecond());
                out.putInt(row.time().getNano());
                out.put(row.deviceLocal() ? 1 : 0);
                out.text(row.module(), prev == null ? null : prev.module());
                out.text(row.event(), prev == null ? null : prev.event());
                out.text(row.description(), prev == null ? null : prev.description());
                out.text(row.file(), prev == null ? null : prev.file());
                out.text(row.sha256(), prev == null ? null : prev.sha256());
                out.text(row.locator(), prev == null ? null : prev.locator());
                prev = row;
            }
        }
    }

    /** Big-endian writing into an array, flushed when full: a DataOutputStream pays a call per byte. */
    private static final class Out implements Closeable {
        private final OutputStream out;
        private final byte[] buf = new byte[BUFFER];
        private int at;

        Out(OutputStream out) {
            this.out = out;
        }

        private void room(int n) throws IOException {
            if (at + n > buf.length) {
                out.write(buf, 0, at);
                at = 0;
            }
        }

        void put(int b) throws IOException {
            room(1);
            buf[at++] = (byte) b;
        }

        void putInt(int v) throws IOException {
            room(4);
            buf[at++] = (byte) (v >>> 24);
            buf[at++] = (byte) (v >>> 16);
            buf[at++] = (byte) (v >>> 8);
            buf[at++] = (byte) v;
        }

        void putLong(long v) throws IOException {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        void text(String s, String previous) throws IOException {
            if (s.equals(previous)) {
                putInt(SAME);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            if (b.length > buf.length) {
                out.write(buf, 0, at);
                at = 0;
                out.write(b);
                return;
            }
            room(b.length);
            System.arraycopy(b, 0, buf, at, b.length);
            at += b.length;
        }

        @Override
        public void close() throws IOException {
            try (out) {
                out.write(buf, 0, at);
            }
        }
    }

    /** Reads a chunk's rows back in order. */
    static final class Reader implements Closeable {
        private final InputStream in;
        private byte[] buf = new byte[BUFFER];
        private int at;
        private int end;
        private int left;
        private Row prev;

        Reader(Path file) throws IOException {
            in = Files.newInputStream(file);
            left = readInt();
        }

        /** The next row, or null after the last. */
        Row next() throws IOException {
            if (left == 0) return null;
            left--;
            need(13);
            Instant t = Instant.ofEpochSecond(longAt(), intAt());
            boolean local = buf[at++] != 0;
            Row p = prev;
            Row row = new Row(t, text(p == null ? null : p.module()), text(p == null ? null : p.event()),
                    text(p == null ? null : p.description()), text(p == null ? null : p.file()),
                    text(p == null ? null : p.sha256()), text(p == null ? null : p.locator()), local);
            prev = row;
            return row;
        }

        private String text(String previous) throws IOException {
            int n = readInt();
            if (n == SAME) return previous;
            if (n > buf.length) buf = java.util.Arrays.copyOf(buf, n);
            need(n);
            String s = new String(buf, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        private int readInt() throws IOException {
            need(4);
            return intAt();
        }

        private int intAt() {
            int v = ((buf[at] & 0xff) << 24) | ((buf[at + 1] & 0xff) << 16) | ((buf[at + 2] & 0xff) << 8) | (buf[at + 3] & 0xff);
            at += 4;
            return v;
        }

        private long longAt() {
            long hi = intAt();
            return (hi << 32) | (intAt() & 0xffffffffL);
        }

        /** Makes sure {@code n} bytes are buffered from {@code at}. */
        private void need(int n) throws IOException {
            if (end - at >= n) return;
            System.arraycopy(buf, at, buf, 0, end - at);
            end -= at;
            at = 0;
            while (end < n) {
                int r = in.read(buf, end, buf.length - end);
                if (r < 0) throw new java.io.EOFException("timeline chunk cut short");
                end += r;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
