package org.cotejo.forensics.network.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a log one line at a time from a stream, 64 KiB at a time, never holding more than {@value #MAX_LINE} bytes of a line: a
 * longer line is read to its end, its bytes past the limit dropped, and marked too long. Line ends are
 * {@code \n} or {@code \r\n}.
 */
public final class LogLines {
    public static final int MAX_LINE = 1 << 20;
    /** Broken lines reported one by one per file; past this, one count says how many more. */
    public static final int MAX_LINE_PROBLEMS = 100;

    private final InputStream in;
    /** Bytes read from the stream and not yet consumed: reading a chunk at a time, not a byte per call. */
    private final byte[] chunk = new byte[1 << 16];
    private int chunkAt;
    private int chunkEnd;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buf = new byte[4096];
    private int length;
    private boolean tooLong;
    private long number;

    public LogLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    public boolean next() throws IOException {
        length = 0;
        tooLong = false;
        if (chunkAt == chunkEnd && !fill()) return false;
        number++;
        while (true) {
            int from = chunkAt;
            int nl = from;
            while (nl < chunkEnd && chunk[nl] != '\n') nl++;
            append(from, nl);
            if (nl < chunkEnd) {
                chunkAt = nl + 1;
                break;
            }
            chunkAt = chunkEnd;
            if (!fill()) break;
        }
        if (length > 0 && buf[length - 1] == '\r') length--;
        return true;
    }

    /** Copies chunk bytes {@code [from, to)} onto the line, up to {@link #MAX_LINE}; the rest is dropped and marked. */
    private void append(int from, int to) {
        int n = to - from;
        int room = MAX_LINE - length;
        if (n > room) {
            tooLong = true;
            n = room;
        }
        if (n <= 0) return;
        if (length + n > buf.length) buf = Arrays.copyOf(buf, Math.min(MAX_LINE, Math.max(buf.length * 2, length + n)));
        System.arraycopy(chunk, from, buf, length, n);
        length += n;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        while (n == 0) n = in.read(chunk, 0, chunk.length);
        if (n < 0) return false;
        chunkAt = 0;
        chunkEnd = n;
        return true;
    }

    /** The current line's bytes, {@code [0, length())}: read in place by the Zeek reader, valid until {@link #next}. */
    byte[] bytes() { return buf; }

    int length() { return length; }

    /** The 1-based number of the current line. */
    public long number() { return number; }

    public boolean tooLong() { return tooLong; }

    public boolean isBlank() {
        for (int i = 0; i < length; i++) if (buf[i] != ' ' && buf[i] != '\t') return false;
        return true;
    }

    /** The line as text, or null when it is not UTF-8; a leading byte-order mark is dropped. */
    public String text() {
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) ascii = buf[i] >= 0;
        // nearly every log line is ASCII: no decoder needed, and no byte-order mark possible
        if (ascii) return new String(buf, 0, length, StandardCharsets.ISO_8859_1);
        try {
            String s = utf8.reset().decode(ByteBuffer.wrap(buf, 0, length)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
