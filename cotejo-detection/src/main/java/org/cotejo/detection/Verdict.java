package org.cotejo.detection;

/** The per-device conclusion, in the words forensic labs use. */
public enum Verdict {
    INFECTED("infected"),
    ATTEMPTED("attempted"),
    INCONCLUSIVE("inconclusive"),
    NOTHING_FOUND("nothing found");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
