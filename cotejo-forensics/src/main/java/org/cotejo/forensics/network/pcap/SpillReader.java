package org.cotejo.forensics.network.pcap;

import static org.cotejo.forensics.network.pcap.SpillCodec.BIG;
import static org.cotejo.forensics.network.pcap.SpillCodec.BUFFER;
import static org.cotejo.forensics.network.pcap.SpillCodec.DOUBLE;
import static org.cotejo.forensics.network.pcap.SpillCodec.FALSE;
import static org.cotejo.forensics.network.pcap.SpillCodec.INLINE_NAME;
import static org.cotejo.forensics.network.pcap.SpillCodec.LIST;
import static org.cotejo.forensics.network.pcap.SpillCodec.LONG;
import static org.cotejo.forensics.network.pcap.SpillCodec.MAP;
import static org.cotejo.forensics.network.pcap.SpillCodec.NEW_NAME;
import static org.cotejo.forensics.network.pcap.SpillCodec.NULL;
import static org.cotejo.forensics.network.pcap.SpillCodec.PROBLEM;
import static org.cotejo.forensics.network.pcap.SpillCodec.RECORD;
import static org.cotejo.forensics.network.pcap.SpillCodec.STRING;
import static org.cotejo.forensics.network.pcap.SpillCodec.TRUE;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;

/** Reads back, in order, what one {@link SpillCodec.Writer} wrote (the format is described there). */
final class SpillReader implements Closeable {
    private final InputStream in;
    private final List<String> names = new ArrayList<>();
    private byte[] buf = new byte[BUFFER];
    private int pos, limit;
    private boolean problem;
    private int file;
    private long packet;

    SpillReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next entry's head; false at the end of the file. */
    boolean next() throws IOException {
        if (pos == limit && !fill(1, true)) return false;
        need(13);
        byte kind = buf[pos++];
        if (kind != RECORD && kind != PROBLEM) throw new IOException("damaged spill file: entry kind " + kind);
        problem = kind == PROBLEM;
        file = getInt();
        packet = getLong();
        return true;
    }

    boolean isProblem() { return problem; }

    int file() { return file; }

    long packet() { return packet; }

    /** The entry's problem text (after {@link #next} on a problem). */
    String problem() throws IOException { return text(); }

    /** The entry's fields (after {@link #next} on a record). */
    Fields fields() throws IOException {
        need(4);
        int count = getInt();
        Fields.Builder b = Fields.builder();
        for (int i = 0; i < count; i++) b.put(name(), value());
        return b.build();
    }

    private String name() throws IOException {
        need(2);
        int code = (buf[pos++] & 0xFF) << 8 | (buf[pos++] & 0xFF);
        if (code == NEW_NAME || code == INLINE_NAME) {
            String name = text();
            if (code == NEW_NAME) names.add(name);
            return name;
        }
        if (code >= names.size()) throw new IOException("damaged spill file: field name " + code + " of " + names.size());
        return names.get(code);
    }

    private Object value() throws IOException {
        need(1);
        byte tag = buf[pos++];
        switch (tag) {
            case NULL: return null;
            case STRING: return text();
            case LONG: need(8); return getLong();
            case DOUBLE: need(8); return Double.longBitsToDouble(getLong());
            case TRUE: return Boolean.TRUE;
            case FALSE: return Boolean.FALSE;
            case LIST: {
                need(4);
                int count = getInt();
                List<Object> l = new ArrayList<>(Math.min(count, 1024));
                for (int i = 0; i < count; i++) l.add(value());
                return l;
            }
            case MAP: {
                need(4);
                int count = getInt();
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) m.put(name(), value());
                return m;
            }
            case BIG: return new BigInteger(text());
            default: throw new IOException("damaged spill file: value tag " + tag);
        }
    }

    private String text() throws IOException {
        need(4);
        int len = getInt();
        if (len < 0) throw new IOException("damaged spill file: text of " + len + " bytes");
        need(len);
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    private void need(int bytes) throws IOException {
        if (limit - pos < bytes) fill(bytes, false);
    }

    /** Makes {@code bytes} available from {@code pos}; false only at a clean end (allowed when {@code endOk}). */
    private boolean fill(int bytes, boolean endOk) throws IOException {
        buf = Buffers.compact(buf, pos, limit, bytes);
        limit -= pos;
        pos = 0;
        while (limit < bytes) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                if (endOk && limit == 0) return false;
                throw new EOFException("damaged spill file: it ends inside an entry");
            }
            limit += r;
        }
        return true;
    }

    private int getInt() {
        int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    private long getLong() {
        return (long) getInt() << 32 | getInt() & 0xFFFFFFFFL;
    }

    @Override
    public void close() throws IOException { in.close(); }
}
