package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cotejo.core.CotejoException;
import org.jdbi.v3.core.Handle;

/**
 * The custody ledger of cases: an append-only, hash-chained log of every action, each entry signed
 * with the installation key. Every method runs inside the caller's transaction, so an entry commits
 * together with the change it records, or not at all.
 */
public final class Ledger {
    /** The previous-entry hash of a ledger's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String COLUMNS = "case_id, seq, time, os_user, analyst, tool_version, action, command, inputs, outputs,"
            + " prev_hash, entry_hash, key_id, signature, tsa_token";

    private final InstallationKey key;
    private final String toolVersion;
    private final Clock clock;

    /** A ledger that signs with {@code key} and records {@code toolVersion} (Cotejo's version) in each entry. */
    public Ledger(InstallationKey key, String toolVersion) {
        this(key, toolVersion, Clock.systemUTC());
    }

    /** As above, reading the time from {@code clock} (tests fix it). */
    public Ledger(InstallationKey key, String toolVersion, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends an entry at the head of the case's chain and returns it. On PostgreSQL the case row is
     * locked first ({@code SELECT … FOR UPDATE}), so analysts appending at once queue and form one chain;
     * the lock is held until the caller's transaction ends, so append last in a long transaction. On
     * SQLite the database admits one writer at a time; the primary key (case_id, seq) refuses a fork on both.
     *
     * @param analyst the declared analyst, or null
     * @param command the command line as the user gave it
     * @param inputs  the hashes (and names) of what the action read; written as canonical JSON
     * @param outputs the hashes of what it wrote
     * @throws CotejoException when the case does not exist
     */
    public LedgerEntry append(Handle h, String caseId, LedgerAction action, String analyst, String command,
                              Map<String, ?> inputs, Map<String, ?> outputs) {
        if (!h.isInTransaction()) {
            throw new IllegalStateException("Ledger.append runs inside the caller's transaction, with the change it records");
        }
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(outputs, "outputs");
        lockCase(h, caseId);
        Optional<LedgerEntry> head = head(h, caseId);
        String time = format(clock.instant());
        LedgerEntry unsigned = new LedgerEntry(caseId, head.map(e -> e.seq() + 1).orElse(1L), time,
                System.getProperty("user.name", "unknown"), analyst, toolVersion, action.text(), command,
                CanonicalJson.write(inputs), CanonicalJson.write(outputs), head.map(LedgerEntry::entryHash).orElse(Ledger.GENESIS),
                null, key.keyId(), null, null);
        String entryHash = unsigned.computeHash();
        String signature = Base64.getEncoder().encodeToString(key.sign(HexFormat.of().parseHex(entryHash)));
        LedgerEntry entry = new LedgerEntry(caseId, unsigned.seq(), time, unsigned.osUser(), analyst, toolVersion, unsigned.action(),
                command, unsigned.inputs(), unsigned.outputs(), unsigned.prevHash(), entryHash, key.keyId(), signature, null);
        registerKey(h, caseId, time);
        h.createUpdate("INSERT INTO ledger (" + COLUMNS + ") VALUES (:caseId, :seq, :time, :osUser, :analyst, :toolVersion,"
                        + " :action, :command, :inputs, :outputs, :prevHash, :entryHash, :keyId, :signature, :tsaToken)")
                .bindMethods(entry)
                .execute();
        return entry;
    }

    /** Every entry of the case's ledger, in chain order. */
    public static List<LedgerEntry> entries(Handle h, String caseId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM ledger WHERE case_id = :caseId ORDER BY seq")
                .bind("caseId", caseId)
                .map((rs, ctx) -> row(rs))
                .list();
    }

    /** The last entry of the case's ledger, if it has any. */
    public static Optional<LedgerEntry> head(Handle h, String caseId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM ledger WHERE case_id = :caseId ORDER BY seq DESC LIMIT 1")
                .bind("caseId", caseId)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** {@link #timestamp(Handle, String, URI, String, String)} with no declared analyst. */
    public LedgerEntry timestamp(Handle h, String caseId, URI tsa) {
        return timestamp(h, caseId, tsa, null, "timestamp " + tsa);
    }

    /**
     * Has the time-stamping authority {@code tsa} (RFC 3161) time-stamp the ledger head: its token,
     * whose imprint is the head's entry hash, is stored on that entry, and a TIMESTAMP entry naming the
     * authority and the token's time is appended. The head is read and the authority asked before the
     * case is locked, so a slow authority does not hold up other analysts; the token stays on the
     * entry it was asked for even when others append meanwhile.
     *
     * @return the TIMESTAMP entry
     * @throws CotejoException when the ledger is empty or the authority fails or answers wrongly
     */
    public LedgerEntry timestamp(Handle h, String caseId, URI tsa, String analyst, String command) {
        LedgerEntry stamped = head(h, caseId).orElseThrow(() -> new CotejoException(
                "the ledger of case " + caseId + " is empty: there is nothing to time-stamp yet"));
        TimeStamp token = TimeStamps.request(tsa, HexFormat.of().parseHex(stamped.entryHash()));
        lockCase(h, caseId);
        int updated = h.createUpdate("UPDATE ledger SET tsa_token = :token WHERE case_id = :caseId AND seq = :seq"
                        + " AND entry_hash = :hash AND tsa_token IS NULL")
                .bind("token", token.tokenBase64())
                .bind("caseId", caseId)
                .bind("seq", stamped.seq())
                .bind("hash", stamped.entryHash())
                .execute();
        if (updated != 1) {
            throw new CotejoException("ledger entry " + stamped.seq() + " of case " + caseId
                    + " was time-stamped by another analyst meanwhile; nothing was changed, run the command again");
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("entry", stamped.seq());
        inputs.put("entry_hash", stamped.entryHash());
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("authority", tsa.toString());
        outputs.put("signer", token.signer());
        outputs.put("serial", token.serialNumber());
        outputs.put("time", format(token.time()));
        outputs.put("token_sha256", Hashing.sha256(Base64.getDecoder().decode(token.tokenBase64())));
        return append(h, caseId, LedgerAction.TIMESTAMP, analyst, command, inputs, outputs);
    }

    /** The time format of ledger entries: UTC with exactly six fraction digits, so text order is time order. */
    private static String format(Instant instant) {
        return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static void lockCase(Handle h, String caseId) {
        String sql = "SELECT id FROM cases WHERE id = :caseId" + (postgres(h) ? " FOR UPDATE" : "");
        if (h.createQuery(sql).bind("caseId", caseId).mapTo(String.class).findOne().isEmpty()) {
            throw new CotejoException("there is no case " + caseId + " in this case store; list the cases with 'cotejo case status'");
        }
    }

    private void registerKey(Handle h, String caseId, String time) {
        boolean known = h.createQuery("SELECT key_id FROM signing_keys WHERE case_id = :caseId AND key_id = :keyId")
                .bind("caseId", caseId)
                .bind("keyId", key.keyId())
                .mapTo(String.class)
                .findOne()
                .isPresent();
        if (known) return; // a tampered public key is left as found: verification reports it
        h.createUpdate("INSERT INTO signing_keys (case_id, key_id, public_key, added_at) VALUES (:caseId, :keyId, :publicKey, :time)")
                .bind("caseId", caseId)
                .bind("keyId", key.keyId())
                .bind("publicKey", key.publicKeyBase64())
                .bind("time", time)
                .execute();
    }

    private static boolean postgres(Handle h) {
        try {
            return "PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the case store is", e);
        }
    }

    private static LedgerEntry row(java.sql.ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getString("case_id"), rs.getLong("seq"), rs.getString("time"), rs.getString("os_user"),
                rs.getString("analyst"), rs.getString("tool_version"), rs.getString("action"), rs.getString("command"),
                rs.getString("inputs"), rs.getString("outputs"), rs.getString("prev_hash"), rs.getString("entry_hash"),
                rs.getString("key_id"), rs.getString("signature"), rs.getString("tsa_token"));
    }
}
