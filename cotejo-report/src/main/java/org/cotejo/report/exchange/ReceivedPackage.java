package org.cotejo.report.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.FeedEntry;

/**
 * An exchange package received from another authority, after its signature and every file's hash were
 * verified. What it holds is the sender's, read-only, and keeps the sender's provenance.
 *
 * @param folder          where the package is
 * @param sender          the sending authority, as it named itself
 * @param recipient       the authority it was made for
 * @param tlp             its TLP 2.0 marking ("clear", "green", "amber", "amber+strict", "red")
 * @param createdAt       when the sender made it
 * @param keyId           SHA-256 of the sender's Ed25519 public key
 * @param publicKeyBase64 the sender's public key (X.509 SubjectPublicKeyInfo, base64)
 * @param manifestSha256  SHA-256 of the signed manifest: what the importer's ledger entry quotes
 * @param caseId          the sender's case id
 * @param caseName        the sender's case name
 * @param reference       the sender's reference (e.g. the EIO number)
 * @param devices         per-device evidence as correlation reads it (sightings the sharing allowed)
 * @param entries         per-device inventory and findings as the sender's report states them
 * @param feeds           the feeds the sender used
 */
public record ReceivedPackage(Path folder, String sender, String recipient, String tlp, Instant createdAt, String keyId,
                              String publicKeyBase64, String manifestSha256, String caseId, String caseName, String reference,
                              List<DeviceEvidence> devices, List<DeviceEntry> entries, List<FeedEntry> feeds) {
    public ReceivedPackage {
        devices = List.copyOf(devices);
        entries = List.copyOf(entries);
        feeds = List.copyOf(feeds);
    }
}
