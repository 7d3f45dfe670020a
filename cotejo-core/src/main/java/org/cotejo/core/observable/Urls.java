package org.cotejo.core.observable;

/** URL parsing and normalisation. STUB: to be completed. */
public final class Urls {
    private Urls() {}

    public static String normalise(String refanged) {
        return parse(refanged).normalised();
    }

    public static ParsedUrl parse(String refanged) {
        throw new IllegalArgumentException("not implemented");
    }
}
