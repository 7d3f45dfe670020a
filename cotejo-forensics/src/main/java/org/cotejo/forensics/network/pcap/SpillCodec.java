package org.cotejo.forensics.network.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;

/**
 * The capture pass's spill files: each entry is a record (its fields) or a problem (its text), with
 * the capture it came from and the packet it was first seen in. Values carry a tag byte (the JSON
 * value types {@link Fields} holds); strings are length-prefixed UTF-8. Much cheaper than JSON text
 * for the hundreds of thousands of flow records a large capture gives; the files live only in the
 * work area, written and read back in order ({@link SpillReader}) by the same run.
 *
 * <p>Two choices keep a large capture's hundreds of thousands of records cheap to spill and replay:
 * field names, which repeat in every record, are written in full once per file and then by number
 * (up to {@value #MAX_NAMES} names; further ones in full each time); and the bytes go through this
 * class's own buffer, not a {@code DataOutputStream} over a buffered stream, whose every
 * {@code writeInt} is four synchronised calls.
 */
final class SpillCodec {
    static final byte RECORD = 'R', PROBLEM = 'P';
    static final byte NULL = 0, STRING = 1, LONG = 2, DOUBLE = 3, TRUE = 4, FALSE = 5, LIST = 6, MAP = 7, BIG = 8;
    static final int MAX_NAMES = 4096;
    /** Before a name's text: a new dictionary entry, or a name written in full because the dictionary is full. */
    static final int NEW_NAME = 0xFFFF, INLINE_NAME = 0xFFFE;
    static final int BUFFER = 1 << 16;

    private SpillCodec() {}

    /** Writes one spill file. */
    static final class Writer implements Closeable {
        private final OutputStream out;
        private final Map<String, Integer> names = new HashMap<>();
        private byte[] buf = new byte[BUFFER];
        private int n;

        Writer(OutputStream out) {
            this.out = out;
        }

        void record(int file, long packet, Fields fields) throws IOException {
            head(RECORD, file, packet);
            map(fields.asMap());
            if (n >= BUFFER) flush();
        }

        void problem(int file, String message) throws IOException {
            head(PROBLEM, file, 0);
            text(message);
            if (n >= BUFFER) flush();
        }

        private void head(byte kind, int file, long packet) {
            room(13);
            buf[n++] = kind;
            putInt(file);
            putLong(packet);
        }

        private void map(Map<?, ?> map) {
            room(4);
            putInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                name((String) e.getKey());
                value(e.getValue());
            }
        }

        private void name(String name) {
            Integer known = names.get(name);
            room(2);
            if (known != null) {
                putShort(known);
                return;
            }
            if (names.size() < MAX_NAMES) {
                names.put(name, names.size());
                putShort(NEW_NAME);
            } else {
                putShort(INLINE_NAME);
            }
            text(name);
        }

        private void value(Object v) {
            room(9);
            if (v == null) {
                buf[n++] = NULL;
            } else if (v instanceof String s) {
                buf[n++] = STRING;
                text(s);
            } else if (v instanceof Long l) {
                buf[n++] = LONG;
                putLong(l);
            } else if (v instanceof Double d) {
                buf[n++] = DOUBLE;
                putLong(Double.doubleToRawLongBits(d));
            } else if (v instanceof Boolean b) {
                buf[n++] = b ? TRUE : FALSE;
            } else if (v instanceof List<?> list) {
                buf[n++] = LIST;
                putInt(list.size());
                for (Object o : list) value(o);
            } else if (v instanceof Map<?, ?> map) {
                buf[n++] = MAP;
                map(map);
            } else if (v instanceof BigInteger i) {
                buf[n++] = BIG;
                text(i.toString());
            } else {
                throw new IllegalArgumentException("not a record value: " + v.getClass());
            }
        }

        /** Length and UTF-8 bytes; ASCII (nearly all of a capture's text) is copied without an intermediate array. */
        private void text(String s) {
            int len = s.length();
            room(4 + len);
            int at = n;
            n += 4;
            for (int i = 0; i < len; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    n = at;
                    room(4 + b.length);
                    putInt(b.length);
                    System.arraycopy(b, 0, buf, n, b.length);
                    n += b.length;
                    return;
                }
                buf[n++] = (byte) c;
            }
            int end = n;
            n = at;
            putInt(len);
            n = end;
        }

        private void room(int bytes) {
            if (n + bytes > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + bytes));
        }

        private void putShort(int v) {
            buf[n++] = (byte) (v >>> 8);
            buf[n++] = (byte) v;
        }

        private void putInt(int v) {
            buf[n++] = (byte) (v >>> 24);
            buf[n++] = (byte) (v >>> 16);
            buf[n++] = (byte) (v >>> 8);
            buf[n++] = (byte) v;
        }

        private void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        private void flush() throws IOException {
            out.write(buf, 0, n);
            n = 0;
            if (buf.length > BUFFER * 4) buf = new byte[BUFFER]; // one huge record does not keep its buffer
        }

        @Override
        public void close() throws IOException {
            try (out) {
                flush();
            }
        }
    }
}
