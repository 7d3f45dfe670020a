package org.cotejo.detection;

/**
 * Severity of a detection or alert, MVT's five levels with its numbers, so results sort and compare
 * the same way in both tools.
 */
public enum Level {
    INFO(0, "INFORMATIONAL"),
    LOW(10, "LOW"),
    MEDIUM(20, "MEDIUM"),
    HIGH(30, "HIGH"),
    CRITICAL(40, "CRITICAL");

    private final int value;
    private final String mvtName;

    Level(int value, String mvtName) {
        this.value = value;
        this.mvtName = mvtName;
    }

    public int value() { return value; }

    /** The name MVT writes in alerts.json. */
    public String mvtName() { return mvtName; }

    public boolean atLeast(Level other) { return value >= other.value; }
}
