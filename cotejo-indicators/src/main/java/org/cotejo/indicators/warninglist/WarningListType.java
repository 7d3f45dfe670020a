package org.cotejo.indicators.warninglist;

import java.util.Locale;
import java.util.Optional;

/** How the entries of a warning list compare with a value: the five MISP warninglist {@code type}s. */
public enum WarningListType {
    /** The value equals an entry (after both are normalised as the observable's type). */
    STRING("string"),
    /** The domain is an entry or a subdomain of one, compared label by label. */
    HOSTNAME("hostname"),
    /** The IP address, or the whole CIDR range, lies inside an entry's range. */
    CIDR("cidr"),
    /** An entry occurs somewhere in the value. */
    SUBSTRING("substring"),
    /** A {@code java.util.regex} pattern is found in the value. */
    REGEX("regex");

    private final String mispName;

    WarningListType(String mispName) {
        this.mispName = mispName;
    }

    /** The name MISP uses in a warninglist's {@code type} field. */
    public String mispName() { return mispName; }

    public static Optional<WarningListType> fromMisp(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (WarningListType t : values()) if (t.mispName.equals(n)) return Optional.of(t);
        return Optional.empty();
    }
}
