package org.cotejo.core.observable;

import java.util.Locale;

/**
 * Process names, app ids, configuration-profile ids and Android property names.
 *
 * <p>Process names keep their case: iOS and Android record them exactly as the binary is named, and
 * two implants may differ only in case. The other three are lower-cased: app ids and property names
 * are compared case-insensitively by MVT and by the feeds written for it, and profile UUIDs are
 * printed in either case by different tools.
 */
public final class Identifiers {
    private Identifiers() {}

    public static String normaliseProcessName(String refanged) {
        if (refanged.isEmpty()) throw new IllegalArgumentException("is empty");
        rejectControlCharacters(refanged);
        if (refanged.indexOf('/') >= 0) throw new IllegalArgumentException("looks like a path; use file-path");
        return refanged;
    }

    /** Android package name or iOS bundle id ({@code com.example.app}). */
    public static String normaliseAppId(String refanged) {
        return dottedName(refanged, "app ids");
    }

    /** Reverse-DNS profile identifier or UUID. */
    public static String normaliseProfileId(String refanged) {
        return dottedName(refanged, "profile ids");
    }

    /** Android system property name ({@code persist.sys.foo}). */
    public static String normaliseAndroidProperty(String refanged) {
        return dottedName(refanged, "property names");
    }

    private static String dottedName(String text, String plural) {
        if (text.isEmpty()) throw new IllegalArgumentException("is empty");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                String shown = Character.isWhitespace(c) ? "a space" : Character.isISOControl(c) ? "a control character" : "'" + c + "'";
                throw new IllegalArgumentException("contains " + shown + "; " + plural + " use only letters, digits, '.', '_' and '-'");
            }
        }
        if (text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
            throw new IllegalArgumentException("has an empty segment (a leading, trailing or doubled '.')");
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static void rejectControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) throw new IllegalArgumentException("contains a control character");
        }
    }
}
