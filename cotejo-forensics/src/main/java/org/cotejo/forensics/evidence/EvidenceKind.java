package org.cotejo.forensics.evidence;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of extraction Cotejo reads; the key is what the command line calls them. */
public enum EvidenceKind {
    IOS_BACKUP("ios-backup", "iTunes/Finder backup"),
    IOS_FS("ios-fs", "iOS full filesystem dump"),
    SYSDIAGNOSE("sysdiagnose", "iOS sysdiagnose archive"),
    MVT_RESULTS("mvt-results", "MVT results folder");

    private final String key;
    private final String label;

    EvidenceKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() { return key; }

    public String label() { return label; }

    public static Optional<EvidenceKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
