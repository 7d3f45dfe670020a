package org.cotejo.cases.custody;

import java.util.Arrays;
import java.util.Optional;

/** What a custody ledger entry records; {@link #text()} is what the {@code ledger.action} column holds. */
public enum LedgerAction {
    CREATE("create"),
    ADD_DEVICE("add-device"),
    ADD_EVIDENCE("add-evidence"),
    ADD_IOCS("add-iocs"),
    SCAN("scan"),
    /** An analyst's decision: a verdict confirmed or overruled, a detection dismissed, with the reason. */
    DECISION("decision"),
    EXPORT("export"),
    /** An exchange package from another authority was verified and recorded as this (foreign, read-only) case. */
    IMPORT_PACKAGE("import-package"),
    VERIFY("verify"),
    /** The ledger head was time-stamped by an RFC 3161 authority. */
    TIMESTAMP("timestamp");

    private final String text;

    LedgerAction(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The action a column value names, or empty for text no version of Cotejo writes. */
    public static Optional<LedgerAction> fromText(String text) {
        return Arrays.stream(values()).filter(a -> a.text.equals(text)).findFirst();
    }
}
