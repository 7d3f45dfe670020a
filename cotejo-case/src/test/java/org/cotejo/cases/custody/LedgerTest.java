package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.cotejo.cases.custody.CaseDatabase.Engine;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LedgerTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-01T10:15:30.123456789Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private CaseDatabase db;
    private InstallationKey key;
    private Ledger ledger;

    private void open(Engine engine) {
        db = CaseDatabase.create(engine, dir);
        db.newCase("case-1");
        key = InstallationKey.open(dir.resolve("keys"));
        ledger = new Ledger(key, "0.1.0", FIXED);
    }

    private LedgerEntry append(LedgerAction action, Map<String, ?> inputs) {
        return db.jdbi.inTransaction(h -> ledger.append(h, "case-1", action, "analyst-a", "cotejo case " + action.text(), inputs, Map.of()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theFirstEntryIsNumberOneAndNamesNoPreviousEntry(Engine engine) {
        open(engine);
        LedgerEntry first = append(LedgerAction.CREATE, Map.of("reference", "JCI 4, DP 67/2024"));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo("0".repeat(64));
        assertThat(first.time()).isEqualTo("2026-03-01T10:15:30.123456Z"); // UTC, microseconds
        assertThat(first.osUser()).isEqualTo(System.getProperty("user.name"));
        assertThat(first.toolVersion()).isEqualTo("0.1.0");
        assertThat(first.action()).isEqualTo("create");
        assertThat(first.keyId()).isEqualTo(key.keyId());
        assertThat(first.tsaToken()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachEntryNamesThePreviousEntrysHash(Engine engine) {
        open(engine);
        LedgerEntry first = append(LedgerAction.CREATE, Map.of());
        LedgerEntry second = append(LedgerAction.ADD_DEVICE, Map.of("label", "ES-01"));
        LedgerEntry third = append(LedgerAction.ADD_EVIDENCE, Map.of("manifest_sha256", "ab".repeat(32)));

        assertThat(List.of(second.seq(), third.seq())).containsExactly(2L, 3L);
        assertThat(second.prevHash()).isEqualTo(first.entryHash());
        assertThat(third.prevHash()).isEqualTo(second.entryHash());
        assertThat(db.entries("case-1")).containsExactly(first, second, third);
        assertThat(db.jdbi.withHandle(h -> Ledger.head(h, "case-1")).orElseThrow()).isEqualTo(third);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theEntryHashIsTheSha256OfTheRowsColumnsAsCanonicalJson(Engine engine) {
        open(engine);
        LedgerEntry entry = append(LedgerAction.ADD_IOCS, Map.of("feeds", List.of(Map.of("sha256", "cd".repeat(32), "file", "pegasus.stix2"))));

        String canonical = "{\"action\":\"add-iocs\",\"analyst\":\"analyst-a\",\"case_id\":\"case-1\",\"command\":\"cotejo case add-iocs\","
                + "\"inputs\":\"{\\\"feeds\\\":[{\\\"file\\\":\\\"pegasus.stix2\\\",\\\"sha256\\\":\\\"" + "cd".repeat(32) + "\\\"}]}\","
                + "\"key_id\":\"" + key.keyId() + "\",\"os_user\":\"" + System.getProperty("user.name") + "\",\"outputs\":\"{}\","
                + "\"prev_hash\":\"" + "0".repeat(64) + "\",\"seq\":1,\"time\":\"2026-03-01T10:15:30.123456Z\",\"tool_version\":\"0.1.0\"}";
        assertThat(entry.canonical()).isEqualTo(canonical);
        assertThat(entry.entryHash()).isEqualTo(Hashing.sha256(canonical));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void inputsAndOutputsAreStoredAsCanonicalJson(Engine engine) {
        open(engine);
        db.jdbi.useTransaction(h -> ledger.append(h, "case-1", LedgerAction.SCAN, null, "cotejo case scan",
                Map.of("feeds_key", "ef".repeat(32), "evidence", "e-1"), Map.of("scan", "s-1", "detections", 3)));
        LedgerEntry stored = db.entries("case-1").get(0);

        assertThat(stored.inputs()).isEqualTo("{\"evidence\":\"e-1\",\"feeds_key\":\"" + "ef".repeat(32) + "\"}");
        assertThat(stored.outputs()).isEqualTo("{\"detections\":3,\"scan\":\"s-1\"}");
        assertThat(stored.analyst()).isNull();
        assertThat(stored.computeHash()).isEqualTo(stored.entryHash());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyEntryIsSignedAndTheKeyIsRecordedInTheCaseOnce(Engine engine) {
        open(engine);
        LedgerEntry first = append(LedgerAction.CREATE, Map.of());
        LedgerEntry second = append(LedgerAction.VERIFY, Map.of());

        List<Map<String, Object>> keys = db.jdbi.withHandle(h -> h.createQuery("SELECT key_id, public_key FROM signing_keys").mapToMap().list());
        assertThat(keys).containsExactly(Map.of("key_id", key.keyId(), "public_key", key.publicKeyBase64()));
        for (LedgerEntry e : List.of(first, second)) {
            assertThat(InstallationKey.verify(key.publicKeyBase64(), HexFormat.of().parseHex(e.entryHash()),
                    Base64.getDecoder().decode(e.signature()))).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachCaseHasItsOwnChain(Engine engine) {
        open(engine);
        db.newCase("case-2");
        append(LedgerAction.CREATE, Map.of());
        append(LedgerAction.ADD_DEVICE, Map.of());
        LedgerEntry other = db.jdbi.inTransaction(h -> ledger.append(h, "case-2", LedgerAction.CREATE, null, "cotejo case create", Map.of(), Map.of()));

        assertThat(other.seq()).isEqualTo(1);
        assertThat(other.prevHash()).isEqualTo("0".repeat(64));
        assertThat(db.entries("case-2")).containsExactly(other);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEntryRolledBackWithItsTransactionLeavesTheLedgerAsItWas(Engine engine) {
        open(engine);
        LedgerEntry first = append(LedgerAction.CREATE, Map.of());

        assertThatThrownBy(() -> db.jdbi.useTransaction(h -> {
            ledger.append(h, "case-1", LedgerAction.ADD_EVIDENCE, null, "cotejo case add-evidence", Map.of(), Map.of());
            throw new IllegalStateException("disk full while copying into the vault");
        })).hasMessage("disk full while copying into the vault");
        assertThat(db.entries("case-1")).containsExactly(first);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void appendingToACaseThatDoesNotExistIsAClearErrorAndWritesNothing(Engine engine) {
        open(engine);

        assertThatThrownBy(() -> db.jdbi.useTransaction(h -> ledger.append(h, "no-such-case", LedgerAction.CREATE, null, "c", Map.of(), Map.of())))
                .isInstanceOf(CotejoException.class)
                .hasMessage("there is no case no-such-case in this case store; list the cases with 'cotejo case status'");
        assertThat(db.count("SELECT count(*) FROM ledger")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void appendingOutsideATransactionIsAProgrammingError(Engine engine) {
        open(engine);

        assertThatThrownBy(() -> db.jdbi.useHandle(h -> ledger.append(h, "case-1", LedgerAction.CREATE, null, "c", Map.of(), Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the caller's transaction");
    }
}
