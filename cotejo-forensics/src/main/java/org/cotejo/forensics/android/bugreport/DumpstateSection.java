package org.cotejo.forensics.android.bugreport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One section of a dumpstate file, found by {@link Dumpstate}'s indexing pass: a byte range of the
 * (local copy of the) file and the 1-based number of its first line, re-read on demand so that a section
 * of hundreds of megabytes is never held whole. Text is decoded as UTF-8 leniently: bytes that are not
 * UTF-8 become U+FFFD and only that line is affected.
 *
 * @param name      the service ("package"), or {@code SYSTEM PROPERTIES}
 * @param start     offset of the section's first byte (the line after its header)
 * @param end       offset just past its last byte (the start of the line that ends it, or the file's end)
 * @param firstLine line number of the section's first line in the dumpstate file
 */
public record DumpstateSection(String name, long start, long end, long firstLine, FileChannel channel) {
    /** Longer lines are cut here (and the cut counted): no real dumpsys line comes near it. */
    public static final int MAX_LINE = 1 << 20;

    /** Receives the lines of a section; returns false to stop reading. */
    @FunctionalInterface
    public interface LineVisitor {
        boolean line(long number, String text) throws IOException;
    }

    public long size() { return end - start; }

    /**
     * Reads the lines in order, without their line ends ({@code \n} or {@code \r\n}). Returns how many
     * lines were longer than {@link #MAX_LINE} bytes and cut.
     */
    public int lines(LineVisitor visitor) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(1, size())));
        byte[] line = new byte[256];
        int len = 0;
        int cut = 0;
        boolean overlong = false;
        long number = firstLine;
        long pos = start;
        while (pos < end) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), end - pos));
            int n = channel.read(buf, pos);
            if (n <= 0) break;
            pos += n;
            byte[] a = buf.array();
            for (int i = 0; i < n; i++) {
                byte b = a[i];
                if (b == '\n') {
                    if (overlong) cut++;
                    if (!visitor.line(number++, decode(line, len))) return cut;
                    len = 0;
                    overlong = false;
                } else if (len < MAX_LINE) {
                    if (len == line.length) line = Arrays.copyOf(line, Math.min(MAX_LINE, line.length * 2));
                    line[len++] = b;
                } else {
                    overlong = true;
                }
            }
        }
        if (len > 0 || overlong) {
            if (overlong) cut++;
            visitor.line(number, decode(line, len));
        }
        return cut;
    }

    /** The section's raw bytes, for formats that are not text (the ADB keystore); refused over {@code max}. */
    public byte[] bytes(int max) throws IOException {
        if (size() > max) throw new IOException("section " + name + " is " + size() + " bytes, over the " + max + "-byte limit");
        ByteBuffer buf = ByteBuffer.allocate((int) size());
        long pos = start;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n <= 0) break;
            pos += n;
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    private static String decode(byte[] b, int len) {
        if (len > 0 && b[len - 1] == '\r') len--;
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }
}
