package org.cotejo.cli.iocs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A line of a mapped file seen as characters without copying it. Bytes are read as Latin-1 here;
 * any byte above 0x7e sends the matcher to its slow path, which calls {@link #toString()} and so
 * decodes the line properly as UTF-8.
 */
final class ByteLine implements CharSequence {
    private ByteBuffer buffer;
    private int offset;
    private int length;

    void set(ByteBuffer buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int length() { return length; }

    @Override
    public char charAt(int index) { return (char) (buffer.get(offset + index) & 0xff); }

    @Override
    public CharSequence subSequence(int start, int end) { return toString().substring(start, end); }

    @Override
    public String toString() {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
