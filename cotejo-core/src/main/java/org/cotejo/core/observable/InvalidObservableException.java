package org.cotejo.core.observable;

import org.cotejo.core.CotejoException;

/** A raw value that cannot be read as the given observable type; {@link #reason()} says why. */
public final class InvalidObservableException extends CotejoException {
    private static final long serialVersionUID = 1L;
    private final ObservableType type;
    private final String raw;
    private final String reason;

    public InvalidObservableException(ObservableType type, String raw, String reason) {
        super("not a valid " + type.label() + " '" + printable(raw) + "': " + reason);
        this.type = type;
        this.raw = raw;
        this.reason = reason;
    }

    public ObservableType type() { return type; }
    public String raw() { return raw; }
    public String reason() { return reason; }

    /** Raw values may hold control characters or be huge; keep messages on one readable line. */
    static String printable(String raw) {
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
