package org.cotejo.core.observable;

/** Undoes the "defanging" analysts apply to indicators so they cannot be clicked. STUB: to be completed. */
public final class Refang {
    private Refang() {}

    public static String refang(String s) {
        return s.replace("[.]", ".").replace("hxxp", "http");
    }
}
