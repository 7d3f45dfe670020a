package org.cotejo.cases;

import java.time.Instant;
import java.util.List;

/**
 * The exchange package a foreign case was imported from, as verified at import: who sent it, with
 * which key, the manifest's hash, and every file with its hash.
 *
 * @param manifestSha256    SHA-256 of manifest.json as received
 * @param sender            the sending authority
 * @param recipient         the authority it was made for
 * @param tlp               its TLP 2.0 marking ("clear", "green", "amber", "amber+strict", "red")
 * @param createdAt         when the sender made it
 * @param keyId             SHA-256 (hex) of the sender's Ed25519 public key
 * @param publicKeyBase64   that key, X.509 SubjectPublicKeyInfo, base64
 * @param senderCaseId      the sender's case id
 * @param senderCaseName    the sender's case name
 * @param senderReference   the sender's reference
 * @param instrument        the legal instrument it was sent under, or ""
 * @param senderToolVersion the Cotejo version that wrote it
 * @param sourcePath        where it was imported from
 * @param vaultPath         its read-only copy, relative to the case folder
 * @param importedAt        when it was imported
 * @param files             every file (manifest.json and manifest.sig included), by path
 */
public record ForeignPackage(String manifestSha256, String sender, String recipient, String tlp, Instant createdAt, String keyId,
                             String publicKeyBase64, String senderCaseId, String senderCaseName, String senderReference,
                             String instrument, String senderToolVersion, String sourcePath, String vaultPath, Instant importedAt,
                             List<File> files) {
    /** The manifest's role for its own file and its signature. */
    public static final String ROLE_MANIFEST = "manifest";
    public static final String ROLE_SIGNATURE = "signature";

    public ForeignPackage {
        instrument = instrument == null ? "" : instrument;
        files = List.copyOf(files);
    }

    /** One file of the package: path inside it, size, SHA-256, role. */
    public record File(String path, long size, String sha256, String role) {}
}
