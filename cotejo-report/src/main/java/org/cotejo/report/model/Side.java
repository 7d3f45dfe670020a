package org.cotejo.report.model;

import java.util.List;

/**
 * One side of the comparison: a group of devices with where they came from.
 *
 * @param group       the group name used throughout ("ES", "FR")
 * @param origin      how the material arrived: "case" (a local case store), "package" (an exchange package
 *                    received from another authority), "folder" (check outputs, MVT results or device-evidence files)
 * @param source      the path given on the command line
 * @param caseId      the case's id, or ""
 * @param caseName    the case's name, or ""
 * @param agency      the agency holding the case or that sent the package, or ""
 * @param reference   the case's or sender's reference, or ""
 * @param legalBasis  the legal basis recorded in the case (type and reference), or ""
 * @param sender      for a package: the signer's key id (SHA-256 of its public key) and the verification result; else ""
 * @param custody     the custody ledger's head and an excerpt, or null when the side has no ledger
 */
public record Side(String group, String origin, String source, String caseId, String caseName, String agency, String reference,
                   String legalBasis, String sender, Custody custody) {
    public Side {
        caseId = caseId == null ? "" : caseId;
        caseName = caseName == null ? "" : caseName;
        agency = agency == null ? "" : agency;
        reference = reference == null ? "" : reference;
        legalBasis = legalBasis == null ? "" : legalBasis;
        sender = sender == null ? "" : sender;
    }

    /**
     * A custody ledger's head and its latest entries.
     *
     * @param entries  how many entries the ledger holds
     * @param headHash the newest entry's hash (quoting it in the report fixes the ledger's state)
     * @param verified whether `case verify`'s checks passed when the report was made
     * @param excerpt  the latest entries (at most a few dozen), oldest first
     */
    public record Custody(long entries, String headHash, boolean verified, List<LedgerLine> excerpt) {
        public Custody {
            excerpt = List.copyOf(excerpt);
        }
    }

    /** One ledger entry as the report's annex shows it. */
    public record LedgerLine(long seq, String time, String action, String analyst, String command, String entryHash) {}
}
