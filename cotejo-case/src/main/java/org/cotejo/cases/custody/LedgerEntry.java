package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the custody ledger, exactly as stored (the text is kept as written, so the hash can be
 * recomputed from it byte for byte).
 *
 * @param caseId      the case
 * @param seq         position in the chain, from 1
 * @param time        UTC with microseconds, e.g. {@code 2026-11-27T19:30:58.123456Z}
 * @param osUser      the operating-system user who ran the command
 * @param analyst     the analyst the command declared, or null
 * @param toolVersion the Cotejo version that wrote the entry
 * @param action      the {@link LedgerAction#text()} of the action
 * @param command     the command line
 * @param inputs      canonical JSON: the hashes of what the action read
 * @param outputs     canonical JSON: the hashes of what it wrote
 * @param prevHash    the previous entry's hash, 64 zeros for the first
 * @param entryHash   SHA-256 (hex) of {@link #canonical()}
 * @param keyId       the signing key's id (SHA-256 of its X.509 encoding)
 * @param signature   base64 Ed25519 signature of the 32 bytes of {@code entryHash}
 * @param tsaToken    base64 RFC 3161 token whose imprint is {@code entryHash}, or null
 */
public record LedgerEntry(String caseId, long seq, String time, String osUser, String analyst, String toolVersion, String action,
                          String command, String inputs, String outputs, String prevHash, String entryHash, String keyId,
                          String signature, String tsaToken) {

    /**
     * The bytes the entry hash is taken over: the row's columns except {@code entry_hash},
     * {@code signature} and {@code tsa_token}, as a JSON object keyed by column name in RFC 8785
     * canonical form (sorted keys, no whitespace), with {@code seq} a number, {@code analyst} null when
     * absent, and {@code inputs}/{@code outputs} as the text stored in their columns. The signer is part
     * of it, so an entry cannot be re-attributed to another registered key.
     */
    public String canonical() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", action);
        fields.put("analyst", analyst);
        fields.put("case_id", caseId);
        fields.put("command", command);
        fields.put("inputs", inputs);
        fields.put("key_id", keyId);
        fields.put("os_user", osUser);
        fields.put("outputs", outputs);
        fields.put("prev_hash", prevHash);
        fields.put("seq", seq);
        fields.put("time", time);
        fields.put("tool_version", toolVersion);
        return CanonicalJson.write(fields);
    }

    /** SHA-256 (hex) of {@link #canonical()}: equals {@link #entryHash()} unless the row was changed. */
    public String computeHash() {
        return Hashing.sha256(canonical());
    }

    /** The action, or empty when the column holds text no version of Cotejo writes. */
    public Optional<LedgerAction> ledgerAction() {
        return LedgerAction.fromText(action);
    }

    /** {@link #time()} as an instant. */
    public Instant instant() {
        return Instant.parse(time);
    }
}
