package org.cotejo.correlation.specificity;

/** What a value can do in correlation. */
public enum ValueRole {
    /** Operator-level or weak-infrastructure value (an indicator matched it, or an analyst confirmed it as a pivot). */
    LINKING,
    /** Matched by a tool-level indicator: establishes "same tool" only. */
    TOOL,
    /** In no feed and not decided by an analyst: may become a pivot candidate, links nothing. */
    UNKNOWN,
    /** Warning-listed, over the fan-out cap, a false-positive match or a rejected pivot. */
    EXCLUDED
}
