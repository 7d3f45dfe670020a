package org.cotejo.forensics.android.dumpsys;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <keyStore><adbKey key=… lastConnection=…/></keyStore>} list of trusted ADB keys when
 * Android (12 and later) writes it in its binary XML ("ABX": magic {@code ABX\0}, then one byte per token
 * whose low nibble is the event and high nibble the value type, strings as Java's modified UTF-8 with
 * a 16-bit length, names interned by index). Only what the keystore uses is kept: each
 * {@code adbKey}'s attributes as text. MVT leaves these bytes undecoded.
 */
final class AbxKeystore {
    private static final int START_TAG = 2, ATTRIBUTE = 15;
    private static final int NULL = 1, STRING = 2, INTERNED = 3, BYTES_HEX = 4, BYTES_BASE64 = 5, INT = 6, INT_HEX = 7,
            LONG = 8, LONG_HEX = 9, FLOAT = 10, DOUBLE = 11, TRUE = 12, FALSE = 13;

    private AbxKeystore() {}

    static boolean isAbx(byte[] b) {
        return b.length >= 4 && b[0] == 'A' && b[1] == 'B' && b[2] == 'X' && b[3] == 0;
    }

    /** The attributes of each {@code adbKey} element, in order; an IOException says where the bytes stop making sense. */
    static List<Map<String, String>> adbKeys(byte[] abx) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(abx, 4, abx.length - 4));
        List<String> interned = new ArrayList<>();
        List<Map<String, String>> keys = new ArrayList<>();
        Map<String, String> current = null;
        int read = 4;
        while (in.available() > 0) {
            int token = in.readUnsignedByte();
            int event = token & 0x0f;
            int type = token >> 4;
            if (event == START_TAG) {
                current = null;
                if ("adbKey".equals(value(in, type, interned))) {
                    current = new LinkedHashMap<>();
                    keys.add(current);
                }
            } else if (event == ATTRIBUTE) {
                String name = interned(in, interned);
                String value = value(in, type, interned);
                if (current != null) current.put(name, value);
            } else {
                value(in, type, interned);
            }
            read = abx.length - in.available();
        }
        if (read != abx.length) throw new IOException("stopped at byte " + read);
        return keys;
    }

    private static String interned(DataInputStream in, List<String> table) throws IOException {
        int index = in.readUnsignedShort();
        if (index == 0xffff) {
            String s = in.readUTF();
            table.add(s);
            return s;
        }
        if (index >= table.size()) throw new IOException("string index " + index + " refers to no string (" + table.size() + " known)");
        return table.get(index);
    }

    private static String value(DataInputStream in, int type, List<String> table) throws IOException {
        return switch (type) {
            case 0, NULL, TRUE, FALSE -> type == TRUE ? "true" : type == FALSE ? "false" : null;
            case STRING -> in.readUTF();
            case INTERNED -> interned(in, table);
            case BYTES_HEX, BYTES_BASE64 -> {
                in.skipNBytes(in.readUnsignedShort());
                yield null;
            }
            case INT, INT_HEX -> Integer.toString(in.readInt());
            case LONG, LONG_HEX -> Long.toString(in.readLong());
            case FLOAT -> Float.toString(in.readFloat());
            case DOUBLE -> Double.toString(in.readDouble());
            default -> throw new IOException("unknown value type " + type);
        };
    }
}
