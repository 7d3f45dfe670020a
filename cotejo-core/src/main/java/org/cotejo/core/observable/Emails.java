package org.cotejo.core.observable;

import java.util.Locale;

/** E-mail normalisation. STUB: to be completed. */
public final class Emails {
    private Emails() {}

    public static String normalise(String refanged) { return refanged.toLowerCase(Locale.ROOT); }
}
