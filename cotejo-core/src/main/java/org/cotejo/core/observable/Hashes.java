package org.cotejo.core.observable;

import java.util.Locale;
import java.util.Optional;

/** Hash normalisation: lower-case hex digits of the exact length of the hash type. */
public final class Hashes {
    private Hashes() {}

    /** A file hash of one type, e.g. 32 hex digits for MD5. */
    public static String normalise(String refanged, int hexLength) {
        if (isCanonical(refanged, hexLength)) return refanged;
        String hex = refanged.strip().toLowerCase(Locale.ROOT);
        requireHexDigits(hex);
        if (hex.length() != hexLength) {
            String name = typeForLength(hexLength).map(ObservableType::label).orElse("this hash");
            throw new IllegalArgumentException("has " + hex.length() + " hex digits, a " + name + " has " + hexLength);
        }
        return hex;
    }

    /**
     * A certificate hash of any supported length (MD5, SHA-1, SHA-256, SHA-512). Certificate tools
     * and some feeds print fingerprints as colon-separated pairs ({@code AB:CD:...}); the colons are
     * removed when every pair is separated that way, so a stray colon is still an error.
     */
    public static String normaliseAnyLength(String refanged) {
        String text = refanged.strip().toLowerCase(Locale.ROOT);
        if (text.indexOf(':') >= 0) {
            if (!text.matches("[0-9a-f]{2}(:[0-9a-f]{2})+")) {
                throw new IllegalArgumentException("has ':' that do not separate pairs of hex digits");
            }
            text = text.replace(":", "");
        }
        requireHexDigits(text);
        if (typeForLength(text.length()).isEmpty()) {
            throw new IllegalArgumentException("has " + text.length()
                    + " hex digits; expected 32 (MD5), 40 (SHA-1), 64 (SHA-256) or 128 (SHA-512)");
        }
        return text;
    }

    /** The hash type a hex string of this length is (MD5, SHA1, SHA256, SHA512), if any. */
    public static Optional<ObservableType> typeForLength(int hexLength) {
        return switch (hexLength) {
            case 32 -> Optional.of(ObservableType.MD5);
            case 40 -> Optional.of(ObservableType.SHA1);
            case 64 -> Optional.of(ObservableType.SHA256);
            case 128 -> Optional.of(ObservableType.SHA512);
            default -> Optional.empty();
        };
    }

    /** Already lower-case hex of the right length, as tools mostly write hashes: nothing to change. */
    private static boolean isCanonical(String s, int hexLength) {
        if (s.length() != hexLength) return false;
        for (int i = 0; i < hexLength; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        }
        return true;
    }

    private static void requireHexDigits(String lowerCase) {
        for (int i = 0; i < lowerCase.length(); i++) {
            char c = lowerCase.charAt(i);
            if (Character.isWhitespace(c)) throw new IllegalArgumentException("contains a space");
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException("contains '" + c + "', which is not a hex digit");
            }
        }
    }
}
