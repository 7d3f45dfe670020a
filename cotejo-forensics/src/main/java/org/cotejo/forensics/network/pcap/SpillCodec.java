package org.cotejo.forensics.network.pcap;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;

/**
 * Record fields to bytes and back for the capture pass's spill files: a tag byte per value (the JSON
 * value types {@link Fields} holds), strings as length-prefixed UTF-8. Much cheaper than JSON text for
 * the hundreds of thousands of flow records a large capture gives; the files live only in the work area.
 */
final class SpillCodec {
    private static final byte NULL = 0, STRING = 1, LONG = 2, DOUBLE = 3, TRUE = 4, FALSE = 5, LIST = 6, MAP = 7, BIG = 8;

    private SpillCodec() {}

    static void write(DataOutputStream out, Fields fields) throws IOException {
        writeMap(out, fields.asMap());
    }

    static Fields read(DataInputStream in) throws IOException {
        int n = in.readInt();
        Fields.Builder b = Fields.builder();
        for (int i = 0; i < n; i++) b.put(in.readUTF(), value(in));
        return b.build();
    }

    private static void writeMap(DataOutputStream out, Map<?, ?> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.writeUTF((String) e.getKey());
            value(out, e.getValue());
        }
    }

    private static void value(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
            for (Object o : list) value(out, o);
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            writeMap(out, map);
        } else if (v instanceof BigInteger i) {
            out.writeByte(BIG);
            out.writeUTF(i.toString());
        } else {
            throw new IllegalArgumentException("not a record value: " + v.getClass());
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL: return null;
            case STRING: return new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
            case LONG: return in.readLong();
            case DOUBLE: return in.readDouble();
            case TRUE: return Boolean.TRUE;
            case FALSE: return Boolean.FALSE;
            case LIST: {
                int n = in.readInt();
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) l.add(value(in));
                return l;
            }
            case MAP: {
                int n = in.readInt();
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) m.put(in.readUTF(), value(in));
                return m;
            }
            case BIG: return new BigInteger(in.readUTF());
            default: throw new IOException("damaged spill file: value tag " + tag);
        }
    }
}
