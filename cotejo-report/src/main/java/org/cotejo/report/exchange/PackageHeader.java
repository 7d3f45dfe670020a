package org.cotejo.report.exchange;

import java.time.Instant;
import java.util.Objects;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Tlp;

/**
 * Who sends a package to whom, under which marking, from which case: everything the manifest states
 * besides the signer's key and the files.
 *
 * @param sender      the sending authority ("CCN-CERT")
 * @param recipient   the authority the package is made for ("ANSSI")
 * @param tlp         its TLP 2.0 marking: what the recipient may do with it
 * @param createdAt   when it was made (UTC); given by the caller so a package can be re-derived
 * @param caseId      the sender's case id
 * @param caseName    the sender's case name
 * @param reference   the sender's reference (court and proceedings, or the EIO number)
 * @param instrument  the legal instrument the exchange is made under (e.g. "European Investigation Order EIO-2024-118"), or ""
 * @param toolVersion the version of Cotejo that wrote it
 */
public record PackageHeader(String sender, String recipient, Tlp tlp, Instant createdAt, String caseId, String caseName,
                            String reference, String instrument, String toolVersion) {
    public PackageHeader {
        if (sender == null || sender.isBlank()) throw new CotejoException("an exchange package needs its sender (the sending authority)");
        if (recipient == null || recipient.isBlank()) {
            throw new CotejoException("an exchange package needs its recipient (the authority it is made for)");
        }
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(createdAt, "createdAt");
        caseId = caseId == null ? "" : caseId;
        caseName = caseName == null ? "" : caseName;
        reference = reference == null ? "" : reference;
        instrument = instrument == null ? "" : instrument;
        toolVersion = toolVersion == null ? "unknown" : toolVersion;
    }
}
