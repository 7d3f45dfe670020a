package org.cotejo.cases.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * SHA-256 over a sequence of rows, each written as its column values in a fixed order: a value is
 * its UTF-8 byte length in decimal, a colon, and the bytes ({@code 5:hello}); SQL NULL is {@code ~};
 * a row ends with a line feed. Integers are their decimal text. The length prefixes make the
 * encoding unambiguous whatever the values contain, so two different tables of rows never give the
 * same bytes.
 */
final class RowDigest {
    private static final byte[] NULL = {'~'};
    private final MessageDigest sha = org.cotejo.core.Hashing.sha256();
    private final byte[] length = new byte[11];
    private final byte[] number = new byte[24];
    private long rows;

    void row(Object... values) {
        for (Object v : values) value(v);
        endRow();
    }

    /** One column value of the current row; {@link #endRow} ends the row. */
    void value(Object v) {
        if (v == null) {
            sha.update(NULL);
            return;
        }
        byte[] bytes = v.toString().getBytes(StandardCharsets.UTF_8);
        // The decimal length and ':' written without a String per value: this runs for every column stored.
        int at = length.length;
        length[--at] = ':';
        int n = bytes.length;
        do {
            length[--at] = (byte) ('0' + n % 10);
            n /= 10;
        } while (n > 0);
        sha.update(length, at, length.length - at);
        sha.update(bytes);
    }

    /** A whole number as a column value: its decimal text, written without a String (every row has one). */
    void value(long v) {
        if (v < 0) {
            value(Long.toString(v));
            return;
        }
        byte[] b = number;
        int at = b.length;
        do {
            b[--at] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        int digits = b.length - at;
        b[--at] = ':';
        do {
            b[--at] = (byte) ('0' + digits % 10);
            digits /= 10;
        } while (digits > 0);
        sha.update(b, at, b.length - at);
    }

    void endRow() {
        sha.update((byte) '\n');
        rows++;
    }

    long rows() {
        return rows;
    }

    /** The digest in lower-case hex; the digest cannot take rows after this. */
    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    static String sha256Hex(String text) {
        return org.cotejo.core.Hashing.sha256(text);
    }
}
