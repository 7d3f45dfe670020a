package org.cotejo.correlation.lr;

/**
 * The verbal scale of the ENFSI Guideline for Evaluative Reporting (2015) for a likelihood ratio in
 * favour of Hp. It qualifies the support the observations give to one proposition over the other; it is
 * never a probability that the proposition is true (that would be the transposed conditional).
 */
public enum SupportScale {
    NO_SUPPORT("no support", 1),
    WEAK("weak support", 2),
    MODERATE("moderate support", 10),
    MODERATELY_STRONG("moderately strong support", 100),
    STRONG("strong support", 1_000),
    VERY_STRONG("very strong support", 10_000),
    EXTREMELY_STRONG("extremely strong support", 1_000_000);

    private final String words;
    private final double from;

    SupportScale(String words, double from) {
        this.words = words;
        this.from = from;
    }

    /** "very strong support" */
    public String words() { return words; }

    /** The smallest likelihood ratio in this band. */
    public double from() { return from; }

    /** log10 of {@link #from()}. */
    public double fromLog10() { return Math.log10(from); }

    public static SupportScale ofLog10(double log10Lr) {
        SupportScale s = NO_SUPPORT;
        // A tiny tolerance: a ratio computed as 100 must not read as 99.9999 and fall a band lower.
        for (SupportScale c : values()) if (log10Lr + 1e-9 >= c.fromLog10()) s = c;
        return s;
    }

    public static SupportScale of(double lr) {
        return ofLog10(Math.log10(lr));
    }

    /** "moderately-strong", as written in files and accepted on the command line. */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    public static java.util.Optional<SupportScale> fromKey(String key) {
        for (SupportScale s : values()) {
            if (s.key().equalsIgnoreCase(key.strip()) || s.words.equalsIgnoreCase(key.strip())) return java.util.Optional.of(s);
        }
        return java.util.Optional.empty();
    }
}
