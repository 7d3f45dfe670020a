package org.cotejo.core;

/**
 * The one error type for problems a user can act on: a malformed feed, a missing file, a wrong
 * password. The message says what was wrong, where, and (when useful) what to do. The command line
 * prints it as one line on stderr and exits with code 2; no stack trace is shown for these.
 */
public class CotejoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CotejoException(String message) {
        super(message);
    }

    public CotejoException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A raw value as it may appear inside a one-line message: control characters escaped, at most
     * 120 characters (raw values can hold anything, and can be huge).
     */
    public static String printable(String raw) {
        if (raw == null) return "null";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length() && b.length() < 120; i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        if (b.length() >= 120) b.append('…');
        return b.toString();
    }
}
