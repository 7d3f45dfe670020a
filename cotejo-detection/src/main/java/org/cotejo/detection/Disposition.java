package org.cotejo.detection;

/**
 * What an indicator match is worth as evidence. Every match is reported; only {@link #EVIDENCE} counts
 * towards a verdict. The others are the false positives analysts have learned to recognise.
 */
public enum Disposition {
    EVIDENCE("evidence", "counts towards the verdict"),
    EXPOSURE("exposure", "only seen in browser data, with no process, file, configuration, network or delivery trace:"
            + " the person looked at it (for example read about it), which is not a sign of infection"),
    WARNING_LISTED("warning-listed", "the value is on a warning list of common, shared values and proves nothing on its own"),
    NAME_COLLISION("name collision", "a process-name indicator equals the name of an installed app with its own bundle id;"
            + " spyware processes run without one"),
    DEVELOPER_ARTEFACT("developer artefact", "the trace lies in developer tooling paths (/Developer, Xcode), found on"
            + " devices used for app development");

    private final String label;
    private final String meaning;

    Disposition(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() { return label; }

    public String meaning() { return meaning; }
}
