package org.cotejo.core.observable;

import java.util.Locale;
import java.util.Optional;

/** Domain-name normalisation. STUB: to be completed. */
public final class DomainNames {
    private DomainNames() {}

    /** Canonical ASCII (punycode) lower-case name, no trailing dot, leading whole-label {@code www.} removed. */
    public static String normalise(String refanged) {
        return refanged.toLowerCase(Locale.ROOT);
    }

    /** Host as found in a URL: like {@link #normalise} but keeps {@code www.}. */
    public static String normaliseHost(String refanged) {
        return refanged.toLowerCase(Locale.ROOT);
    }

    /** Registrable domain (ICANN section of the public-suffix list), if the name has one. */
    public static Optional<String> registrableDomain(String normalised) {
        return Optional.empty();
    }

    /** Unicode form of a punycode name, for display. */
    public static String toUnicode(String normalised) {
        return normalised;
    }
}
