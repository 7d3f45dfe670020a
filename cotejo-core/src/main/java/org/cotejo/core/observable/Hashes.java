package org.cotejo.core.observable;

import java.util.Locale;

/** Hash normalisation. STUB: to be completed. */
public final class Hashes {
    private Hashes() {}

    public static String normalise(String refanged, int hexLength) { return refanged.toLowerCase(Locale.ROOT); }

    public static String normaliseAnyLength(String refanged) { return refanged.toLowerCase(Locale.ROOT); }

    /** The hash type a hex string of this length is (MD5, SHA1, SHA256, SHA512), if any. */
    public static java.util.Optional<ObservableType> typeForLength(int hexLength) {
        return switch (hexLength) {
            case 32 -> java.util.Optional.of(ObservableType.MD5);
            case 40 -> java.util.Optional.of(ObservableType.SHA1);
            case 64 -> java.util.Optional.of(ObservableType.SHA256);
            case 128 -> java.util.Optional.of(ObservableType.SHA512);
            default -> java.util.Optional.empty();
        };
    }
}
