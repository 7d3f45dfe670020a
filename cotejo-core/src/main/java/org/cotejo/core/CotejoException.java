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
}
