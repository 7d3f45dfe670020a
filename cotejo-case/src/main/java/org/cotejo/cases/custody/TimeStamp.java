package org.cotejo.cases.custody;

import java.time.Instant;

/**
 * An RFC 3161 time-stamp token, checked.
 *
 * @param tokenBase64  the token (DER, CMS SignedData) in base64, as the ledger stores it
 * @param time         the time the authority certifies (genTime)
 * @param signer       the subject of the authority's signing certificate
 * @param serialNumber the token's serial number at that authority
 */
public record TimeStamp(String tokenBase64, Instant time, String signer, String serialNumber) {}
