package org.cotejo.forensics.network.pcap;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;

/**
 * Record fields to bytes and back for the capture pass's spill files: a tag byte per value (the JSON
 * value types {@link Fields} holds), strings as length-prefixed UTF-8. Much cheaper than JSON text for
 * the hundreds of thousands of flow records a large capture gives; the files live only in the work area.
 *
 * <p>Field names repeat in every record, so each file keeps a dictionary of them: a name is written in
 * full the first time, then as its number (up to {@value #MAX_NAMES} names; any further ones are written
 * in full each time). One {@link Writer} writes a file and one {@link Reader} reads it back, in order.
 */
final class SpillCodec {
    private static final byte NULL = 0, STRING = 1, LONG = 2, DOUBLE = 3, TRUE = 4, FALSE = 5, LIST = 6, MAP = 7, BIG = 8;
    static final int MAX_NAMES = 4096;
    /** Before a name's text: a new dictionary entry, or a name written in full because the dictionary is full. */
    private static final short NEW_NAME = -1, INLINE_NAME = -2;

    private SpillCodec() {}

    /** Writes the records of one spill file. */
    static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> names = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(Fields fields) throws IOException {
            writeMap(fields.asMap());
        }

        private void writeMap(Map<?, ?> map) throws IOException {
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                name((String) e.getKey());
                value(e.getValue());
            }
        }

        private void name(String name) throws IOException {
            Integer known = names.get(name);
            if (known != null) {
                out.writeShort(known);
            } else if (names.size() < MAX_NAMES) {
                names.put(name, names.size());
                out.writeShort(NEW_NAME);
                out.writeUTF(name);
            } else {
                out.writeShort(INLINE_NAME);
                out.writeUTF(name);
            }
        }

        private void value(Object v) throws IOException {
            if (v == null) {
                out.writeByte(NULL);
            } else if (v instanceof String s) {
                out.writeByte(STRING);
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            } else if (v instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else if (v instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            } else if (v instanceof Boolean b) {
                out.writeByte(b ? TRUE : FALSE);
            } else if (v instanceof List<?> list) {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object o : list) value(o);
            } else if (v instanceof Map<?, ?> map) {
                out.writeByte(MAP);
                writeMap(map);
            } else if (v instanceof BigInteger i) {
                out.writeByte(BIG);
                out.writeUTF(i.toString());
            } else {
                throw new IllegalArgumentException("not a record value: " + v.getClass());
            }
        }
    }

    /** Reads back, in order, the records one {@link Writer} wrote. */
    static final class Reader {
        private final DataInputStream in;
        private final List<String> names = new ArrayList<>();
        private byte[] text = new byte[256];

        Reader(DataInputStream in) {
            this.in = in;
        }

        Fields read() throws IOException {
            int n = in.readInt();
            Fields.Builder b = Fields.builder();
            for (int i = 0; i < n; i++) b.put(name(), value());
            return b.build();
        }

        private String name() throws IOException {
            short code = in.readShort();
            if (code >= 0) {
                if (code >= names.size()) throw new IOException("damaged spill file: field name " + code + " of " + names.size());
                return names.get(code);
            }
            String name = in.readUTF();
            if (code == NEW_NAME) names.add(name);
            else if (code != INLINE_NAME) throw new IOException("damaged spill file: field name code " + code);
            return name;
        }

        private Object value() throws IOException {
            byte tag = in.readByte();
            switch (tag) {
                case NULL: return null;
                case STRING: return string(in.readInt());
                case LONG: return in.readLong();
                case DOUBLE: return in.readDouble();
                case TRUE: return Boolean.TRUE;
                case FALSE: return Boolean.FALSE;
                case LIST: {
                    int n = in.readInt();
                    List<Object> l = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) l.add(value());
                    return l;
                }
                case MAP: {
                    int n = in.readInt();
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) m.put(name(), value());
                    return m;
                }
                case BIG: return new BigInteger(in.readUTF());
                default: throw new IOException("damaged spill file: value tag " + tag);
            }
        }

        /** Decoded from a reused buffer: one allocation per string, the string itself. */
        private String string(int length) throws IOException {
            if (length < 0) throw new IOException("damaged spill file: string of " + length + " bytes");
            if (length > text.length) text = new byte[Math.max(length, text.length * 2)];
            in.readFully(text, 0, length);
            return new String(text, 0, length, StandardCharsets.UTF_8);
        }
    }
}
