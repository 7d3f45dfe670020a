package org.cotejo.core.observable;

import org.cotejo.core.CotejoException;

/** A raw value that cannot be read as the given observable type; {@link #reason()} says why. */
public final class InvalidObservableException extends CotejoException {
    private static final long serialVersionUID = 1L;
    private final ObservableType type;
    private final String raw;
    private final String reason;

    public InvalidObservableException(ObservableType type, String raw, String reason) {
        super("not a valid " + type.label() + " '" + CotejoException.printable(raw) + "': " + reason);
        this.type = type;
        this.raw = raw;
        this.reason = reason;
    }

    public ObservableType type() { return type; }
    public String raw() { return raw; }
    public String reason() { return reason; }
}
