package org.cotejo.correlation.specificity;

/** How a device takes part in correlation. */
public enum DeviceRole {
    /** Infected, attempted, or inconclusive with evidence: clustered. */
    TARGETED("targeted"),
    /** Not targeted, yet an indicator matched (e.g. a journalist who visited a spyware domain): listed as exposed, never clustered. */
    EXPOSED("exposure only"),
    /** No indicator match at all: the population that tells how common a value is by chance. */
    BACKGROUND("background");

    private final String words;

    DeviceRole(String words) {
        this.words = words;
    }

    public String words() { return words; }
}
