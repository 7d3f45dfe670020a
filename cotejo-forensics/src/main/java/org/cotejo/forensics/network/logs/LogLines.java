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
 * Reads a log one line at a time from a stream, never holding more than {@value #MAX_LINE} bytes: a
 * longer line is read to its end, its bytes past the limit dropped, and marked too long. Line ends are
 * {@code \n} or {@code \r\n}.
 */
public final class LogLines {
    public static final int MAX_LINE = 1 << 20;
    /** Broken lines reported one by one per file; past this, one count says how many more. */
    public static final int MAX_LINE_PROBLEMS = 100;

    private final InputStream in;
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
        int c = in.read();
        if (c < 0) return false;
        number++;
        while (c >= 0 && c != '\n') {
            if (length >= MAX_LINE) {
                tooLong = true;
            } else {
                if (length == buf.length) buf = Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
                buf[length++] = (byte) c;
            }
            c = in.read();
        }
        if (length > 0 && buf[length - 1] == '\r') length--;
        return true;
    }

    /** The 1-based number of the current line. */
    public long number() { return number; }

    public boolean tooLong() { return tooLong; }

    public boolean isBlank() {
        for (int i = 0; i < length; i++) if (buf[i] != ' ' && buf[i] != '\t') return false;
        return true;
    }

    /** The line as text, or null when it is not UTF-8; a leading byte-order mark is dropped. */
    public String text() {
        try {
            String s = utf8.reset().decode(ByteBuffer.wrap(buf, 0, length)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
