package org.cotejo.correlation.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.cotejo.core.CotejoException;

/**
 * The lines of an enrichment file, read from its bytes one at a time, with every byte fed to a SHA-256
 * digest on the way, so the hash registered is of exactly the bytes that were parsed. Lines are split
 * on LF (a CR before it is dropped) and must be UTF-8 text without NUL bytes and at most
 * {@code maxLine} bytes: a file that breaks these is not an enrichment file, and saying so at its
 * first bad line is better than parsing a binary file into nonsense or holding a 2 GB "line" in memory.
 */
final class TextLines {
    private final String file;
    private final InputStream in;
    private final MessageDigest digest;
    private final int maxLine;
    private final long maxBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private long number;
    private long bytes;
    private boolean ended;

    TextLines(String file, InputStream in, MessageDigest digest, int maxLine, long maxBytes) {
        this.file = file;
        this.in = in;
        this.digest = digest;
        this.maxLine = maxLine;
        this.maxBytes = maxBytes;
    }

    /** Number of the line last returned (1-based). */
    long number() { return number; }

    /** Bytes read so far. */
    long bytes() { return bytes; }

    /** The next line without its line ending, or null at the end of the file. */
    String next() throws IOException {
        if (ended) return null;
        int length = 0;
        boolean ascii = true;
        while (true) {
            if (position == limit && !fill()) {
                ended = true;
                if (length == 0) return null;
                break;
            }
            byte b = buffer[position++];
            if (b == '\n') break;
            if (b == 0) {
                throw new CotejoException("enrichment file " + file + " contains a NUL byte on line " + (number + 1)
                        + ": it is not a text file (CSV or JSON Lines)");
            }
            if (length == maxLine) {
                throw new CotejoException("enrichment file " + file + ": line " + (number + 1) + " is longer than " + maxLine
                        + " bytes, which no enrichment record is; is this the right file?");
            }
            if (length == line.length) line = Arrays.copyOf(line, Math.min(maxLine, line.length * 2));
            line[length++] = b;
            ascii &= b >= 0;
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') length--;
        int start = number == 1 && length >= 3 && (line[0] & 0xff) == 0xef && (line[1] & 0xff) == 0xbb && (line[2] & 0xff) == 0xbf ? 3 : 0;
        // Pure ASCII, the usual case, needs no decoder.
        if (ascii) return new String(line, start, length - start, StandardCharsets.ISO_8859_1);
        try {
            return utf8.decode(ByteBuffer.wrap(line, start, length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new CotejoException("enrichment file " + file + " is not valid UTF-8 on line " + number
                    + "; save it as UTF-8 and try again");
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) return false;
        digest.update(buffer, 0, n);
        bytes += n;
        // Checked while reading too: the file may be growing, or be a device that never ends.
        if (bytes > maxBytes) throw new CotejoException("enrichment file " + file + " is larger than the limit of " + maxBytes + " bytes");
        position = 0;
        limit = n;
        return true;
    }
}
