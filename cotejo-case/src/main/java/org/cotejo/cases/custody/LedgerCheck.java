package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.cotejo.cases.custody.Discrepancy.What;
import org.cotejo.core.CotejoException;

/** The ledger half of verification: the chain, the signatures, the time stamps. Reads nothing but its arguments. */
final class LedgerCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Discrepancy> found = new ArrayList<>();

    private LedgerCheck() {}

    /**
     * @param entries the ledger in seq order
     * @param keys    the case's signing_keys rows: key id to base64 public key, in key id order
     */
    static List<Discrepancy> check(List<LedgerEntry> entries, Map<String, String> keys) {
        LedgerCheck check = new LedgerCheck();
        check.keys(keys);
        check.chain(entries, keys);
        check.timeStamps(entries);
        return check.found;
    }

    private void keys(Map<String, String> keys) {
        keys.forEach((keyId, publicKey) -> {
            String actual;
            try {
                actual = Hashing.sha256(Base64.getDecoder().decode(publicKey));
            } catch (IllegalArgumentException e) {
                actual = "(not base64)";
            }
            if (!actual.equals(keyId)) {
                report(What.SIGNATURE, "signing key " + keyId, "the public key recorded for it hashes to " + actual
                        + ": the key row was changed, so no entry signed with this key can be trusted");
            }
        });
    }

    private void chain(List<LedgerEntry> entries, Map<String, String> keys) {
        // The JDK's Ed25519 takes about 1 ms per signature: checked on every core first, reported in order below.
        boolean[] signed = new boolean[entries.size()];
        IntStream.range(0, entries.size()).parallel()
                .forEach(i -> signed[i] = signatureVerifies(entries.get(i), keys.get(entries.get(i).keyId())));
        long expected = 1;
        LedgerEntry previous = null;
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            String where = "ledger entry " + e.seq();
            if (e.seq() > expected) {
                String missing = e.seq() - 1 == expected ? "entry " + expected : "entries " + expected + " to " + (e.seq() - 1);
                report(What.CHAIN, "ledger entry " + expected, missing + " missing: the chain jumps from "
                        + (previous == null ? "its start" : "entry " + previous.seq()) + " to entry " + e.seq() + "; entries were removed");
            } else if (e.seq() < expected) {
                report(What.CHAIN, where, "numbered " + e.seq() + ", but the chain starts at 1");
            } else {
                String link = previous == null ? Ledger.GENESIS : previous.entryHash();
                if (!link.equals(e.prevHash())) {
                    report(What.CHAIN, where, previous == null
                            ? "the first entry must name no previous entry (64 zeros), it names " + e.prevHash()
                            : "it names " + e.prevHash() + " as the previous entry's hash, but entry " + previous.seq() + " has " + link);
                }
            }
            String recomputed = e.computeHash();
            if (!recomputed.equals(e.entryHash())) {
                report(What.CHAIN, where, "its content hashes to " + recomputed + ", not to its recorded hash " + e.entryHash()
                        + ": the entry was changed after it was written");
            }
            if (!keys.containsKey(e.keyId())) {
                report(What.SIGNATURE, where, "signed by key " + e.keyId() + ", which the case does not record");
            } else if (!signed[i]) {
                report(What.SIGNATURE, where, "its signature does not verify with key " + e.keyId() + " over its recorded hash");
            }
            expected = Math.max(expected, e.seq() + 1);
            previous = e;
        }
    }

    private static boolean signatureVerifies(LedgerEntry e, String publicKey) {
        if (publicKey == null) return false;
        try {
            return InstallationKey.verify(publicKey, HexFormat.of().parseHex(e.entryHash()), Base64.getDecoder().decode(e.signature()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private void timeStamps(List<LedgerEntry> entries) {
        Map<Long, LedgerEntry> bySeq = new TreeMap<>();
        for (LedgerEntry e : entries) {
            bySeq.put(e.seq(), e);
            if (e.tsaToken() == null) continue;
            try {
                TimeStamps.verify(Base64.getDecoder().decode(e.tsaToken()), HexFormat.of().parseHex(e.entryHash()));
            } catch (CotejoException | IllegalArgumentException bad) {
                report(What.TIMESTAMP, "ledger entry " + e.seq(), bad.getMessage());
            }
        }
        // Each TIMESTAMP entry says which entry was stamped and which token was received: the token must still be there.
        for (LedgerEntry e : entries) {
            if (!LedgerAction.TIMESTAMP.text().equals(e.action())) continue;
            long seq;
            String hash;
            String tokenHash;
            try {
                JsonNode inputs = JSON.readTree(e.inputs());
                seq = inputs.path("entry").asLong(-1);
                hash = inputs.path("entry_hash").asText();
                tokenHash = JSON.readTree(e.outputs()).path("token_sha256").asText();
            } catch (java.io.IOException unreadable) {
                report(What.TIMESTAMP, "ledger entry " + e.seq(), "its inputs or outputs are not JSON: " + unreadable.getMessage());
                continue;
            }
            LedgerEntry stamped = bySeq.get(seq);
            String where = "ledger entry " + seq;
            if (stamped == null) {
                report(What.TIMESTAMP, where, "entry " + e.seq() + " records a time stamp of this entry, which is missing");
            } else if (stamped.tsaToken() == null) {
                report(What.TIMESTAMP, where, "entry " + e.seq() + " records a time stamp of this entry, but its token is gone");
            } else if (!hash.equals(stamped.entryHash())) {
                report(What.TIMESTAMP, where, "entry " + e.seq() + " records that the time stamp was over hash " + hash
                        + ", but this entry's hash is now " + stamped.entryHash());
            } else if (!tokenHash.equals(Hashing.sha256(decodeOrEmpty(stamped.tsaToken())))) {
                report(What.TIMESTAMP, where, "its token is not the one entry " + e.seq() + " records receiving (SHA-256 " + tokenHash + ")");
            }
        }
    }

    private static byte[] decodeOrEmpty(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private void report(What what, String where, String message) {
        found.add(new Discrepancy(what, where, message));
    }
}
