package org.cotejo.detection.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

/** CSV as MVT writes it: every field quoted, quotes doubled, CRLF-free "\n" line ends. */
final class Csv {
    private Csv() {}

    static void row(Writer w, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) w.write(',');
            w.write('"');
            String f = fields[i] == null ? "" : fields[i];
            w.write(f.replace("\"", "\"\""));
            w.write('"');
        }
        w.write('\n');
    }

    /**
     * The same rows as UTF-8 bytes straight into a buffer, for timeline.csv's millions of rows: printable
     * ASCII without quotes is copied as it is. Other text is encoded as a UTF-8 writer does, refusing
     * (as {@code Files.newBufferedWriter} does) text that is not valid UTF-16.
     */
    static final class Out implements Closeable {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int at;
        private boolean first = true;

        Out(OutputStream out) {
            this.out = out;
        }

        void field(String f) throws IOException {
            String s = f == null ? "" : f;
            int n = s.length();
            room(n + 3);
            if (!first) buf[at++] = ',';
            first = false;
            if (n + 3 <= buf.length) {
                int p = at + 1;
                boolean plain = true;
                for (int i = 0; i < n; i++) {
                    char c = s.charAt(i);
                    if (c < 0x20 || c > 0x7e || c == '"') {
                        plain = false;
                        break;
                    }
                    buf[p++] = (byte) c;
                }
                if (plain) {
                    buf[at] = '"';
                    buf[p++] = '"';
                    at = p;
                    return;
                }
            }
            buf[at++] = '"';
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(s.replace("\"", "\"\"")));
            bytes(b.array(), b.arrayOffset() + b.position(), b.remaining());
            room(1);
            buf[at++] = '"';
        }

        void endRow() throws IOException {
            room(1);
            buf[at++] = '\n';
            first = true;
        }

        void row(String... fields) throws IOException {
            for (String f : fields) field(f);
            endRow();
        }

        private void bytes(byte[] b, int off, int len) throws IOException {
            if (len > buf.length) {
                out.write(buf, 0, at);
                at = 0;
                out.write(b, off, len);
                return;
            }
            room(len);
            System.arraycopy(b, off, buf, at, len);
            at += len;
        }

        private void room(int n) throws IOException {
            if (at + Math.min(n, buf.length) > buf.length) {
                out.write(buf, 0, at);
                at = 0;
            }
        }

        @Override
        public void close() throws IOException {
            try (out) {
                out.write(buf, 0, at);
            }
        }
    }
}
