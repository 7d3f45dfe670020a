package org.cotejo.core.observable;

import java.util.Locale;

/** Process names, app ids, profile ids, Android property names. STUB: to be completed. */
public final class Identifiers {
    private Identifiers() {}

    public static String normaliseProcessName(String refanged) { return refanged; }

    public static String normaliseAppId(String refanged) { return refanged.toLowerCase(Locale.ROOT); }

    public static String normaliseProfileId(String refanged) { return refanged.toLowerCase(Locale.ROOT); }

    public static String normaliseAndroidProperty(String refanged) { return refanged.toLowerCase(Locale.ROOT); }
}
