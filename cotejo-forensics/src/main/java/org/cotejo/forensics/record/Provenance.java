package org.cotejo.forensics.record;

import java.util.Objects;

/**
 * Where a record came from, precisely enough for a counter-expert to find it again.
 *
 * @param file    path of the file read, inside the extraction ("3d/3d0d7e5f…", "private/var/db/diagnostics/shutdown.log")
 * @param logical what the file is on the phone, when that differs from {@code file}
 *                ("HomeDomain/Library/SMS/sms.db" for a backup file id); else equal to {@code file}
 * @param sha256  SHA-256 of the file as read (before any decryption, of the evidence bytes)
 * @param locator the place inside the file: "message ROWID 12", "ProfileEvents[3]", "line 42"
 */
public record Provenance(String file, String logical, String sha256, String locator) {
    public Provenance {
        Objects.requireNonNull(file, "file");
        logical = logical == null ? file : logical;
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(locator, "locator");
    }

    public Provenance at(String newLocator) {
        return new Provenance(file, logical, sha256, newLocator);
    }

    /** "HomeDomain/Library/SMS/sms.db (3d/3d0d…), message ROWID 12". */
    public String describe() {
        String where = logical.equals(file) ? file : logical + " (" + file + ")";
        return locator.isEmpty() ? where : where + ", " + locator;
    }
}
