package org.cotejo.core.observable;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-encoding rules of RFC 3986 that URL normalisation needs. */
final class PercentEncoding {
    private PercentEncoding() {}

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * RFC 3986 §6.2.2: escapes of unreserved characters ({@code A-Za-z0-9-._~}) are decoded, the hex
     * digits of all other escapes are upper-cased. Non-ASCII characters are percent-encoded as UTF-8
     * (RFC 3987 §3.1), as browsers do before sending, so {@code /ü} and {@code /%C3%BC} compare equal.
     * A '%' not followed by two hex digits is not an escape and is kept as found, as browsers do.
     */
    static String normalise(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                int value = Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16);
                if (isUnreserved(value)) b.append((char) value);
                else appendEscape(b, value);
                i += 3;
            } else if (c >= 0x80) {
                int cp = text.codePointAt(i);
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) appendEscape(b, x & 0xff);
                i += Character.charCount(cp);
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** Decodes every escape as UTF-8 (for hosts, which must end up as plain text); rejects malformed escapes. */
    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    throw new IllegalArgumentException("has a '%' that is not followed by two hex digits");
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 3;
            } else {
                int cp = text.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("has percent-escapes that are not UTF-8");
        }
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    private static void appendEscape(StringBuilder b, int value) {
        b.append('%').append(HEX[value >> 4]).append(HEX[value & 0xf]);
    }
}
