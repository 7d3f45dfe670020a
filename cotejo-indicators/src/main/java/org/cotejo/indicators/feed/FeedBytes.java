package org.cotejo.indicators.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.cotejo.core.CotejoException;

/**
 * The first pass over a feed's bytes: its SHA-256, proof that it is text (valid UTF-8, no NUL byte),
 * and its first few kilobytes for format detection. Doing this before parsing lets every reader
 * assume clean text, and lets an encoding error name its exact byte offset and line, which
 * decoders and JSON parsers report only vaguely.
 *
 * @param sha256 lower-case hex
 * @param size   number of bytes
 * @param head   the start of the text (BOM removed), at most {@link #HEAD_BYTES} bytes' worth
 */
record FeedBytes(String sha256, long size, String head) {
    static final int HEAD_BYTES = 64 * 1024;

    static FeedBytes scan(String file, InputStream in) throws IOException {
        MessageDigest digest = sha256Digest();
        Utf8Check check = new Utf8Check(file);
        byte[] head = new byte[HEAD_BYTES];
        int headLength = 0;
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        for (int n; (n = in.read(buffer)) > 0; size += n) {
            digest.update(buffer, 0, n);
            for (int i = 0; i < n; i++) check.accept(buffer[i] & 0xff);
            int copy = Math.min(n, HEAD_BYTES - headLength);
            System.arraycopy(buffer, 0, head, headLength, copy);
            headLength += copy;
        }
        check.finish();
        if (size == 0) throw new CotejoException("empty feed " + file + ": the file has no content");
        int start = startsWithBom(head, headLength) ? 3 : 0;
        return new FeedBytes(HexFormat.of().formatHex(digest.digest()), size,
                new String(head, start, headLength - start, StandardCharsets.UTF_8));
    }

    static MessageDigest sha256Digest() {
        return org.cotejo.core.Hashing.sha256();
    }

    static boolean startsWithBom(byte[] b, int length) {
        return length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
    }

    /** A byte-at-a-time UTF-8 validator (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). */
    private static final class Utf8Check {
        private final String file;
        private long offset = -1;
        private long line = 1;
        private int pending;      // continuation bytes still expected
        private int lower = 0x80; // allowed range of the next continuation byte
        private int upper = 0xbf;
        private long sequenceStart;

        Utf8Check(String file) {
            this.file = file;
        }

        void accept(int b) {
            offset++;
            if (pending > 0) {
                if (b < lower || b > upper) fail(sequenceStart);
                lower = 0x80;
                upper = 0xbf;
                pending--;
                return;
            }
            if (b == 0) {
                throw new CotejoException("feed " + file + " contains a NUL byte at byte offset " + offset
                        + " (line " + line + "): it is not a text feed");
            }
            if (b == '\n') line++;
            if (b < 0x80) return;
            sequenceStart = offset;
            if (b >= 0xc2 && b <= 0xdf) pending = 1;
            else if (b >= 0xe0 && b <= 0xef) {
                pending = 2;
                if (b == 0xe0) lower = 0xa0;
                if (b == 0xed) upper = 0x9f;
            } else if (b >= 0xf0 && b <= 0xf4) {
                pending = 3;
                if (b == 0xf0) lower = 0x90;
                if (b == 0xf4) upper = 0x8f;
            } else fail(offset);
        }

        void finish() {
            if (pending > 0) fail(sequenceStart);
        }

        private void fail(long at) {
            throw new CotejoException("feed " + file + " is not valid UTF-8: bad byte sequence at byte offset "
                    + at + " (line " + line + "); save it as UTF-8 and try again");
        }
    }
}
