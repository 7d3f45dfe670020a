package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.cotejo.cases.custody.CaseDatabase.Engine;
import org.cotejo.cases.custody.Discrepancy.What;
import org.cotejo.cases.custody.LocalTimeStampAuthority.Behaviour;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LedgerTimeStampTest {
    private final LocalTimeStampAuthority tsa = LocalTimeStampAuthority.start();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        tsa.close();
    }

    private static JsonNode outputs(LedgerEntry entry) {
        try {
            return new ObjectMapper().readTree(entry.outputs());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private LedgerEntry timestamp(SampleCase c) {
        return c.db.jdbi.inTransaction(h -> c.ledger.timestamp(h, SampleCase.CASE, tsa.uri(), "analyst-b", "cotejo case verify --tsa " + tsa.uri()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theHeadKeepsTheTokenAndATimestampEntryNamesTheAuthorityAndTheTime(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        LedgerEntry head = c.db.entries(SampleCase.CASE).get(5);

        LedgerEntry entry = timestamp(c);

        LedgerEntry stamped = c.db.entries(SampleCase.CASE).get(5);
        TimeStamp token = TimeStamps.verify(Base64.getDecoder().decode(stamped.tsaToken()), HexFormat.of().parseHex(head.entryHash()));
        assertThat(stamped.entryHash()).isEqualTo(head.entryHash()); // the token is outside the hashed entry
        assertThat(entry.seq()).isEqualTo(7);
        assertThat(entry.action()).isEqualTo("timestamp");
        assertThat(entry.prevHash()).isEqualTo(head.entryHash());
        assertThat(entry.inputs()).isEqualTo("{\"entry\":6,\"entry_hash\":\"" + head.entryHash() + "\"}");
        JsonNode outputs = outputs(entry);
        assertThat(outputs.path("authority").asText()).isEqualTo(tsa.uri().toString());
        assertThat(outputs.path("signer").asText()).isEqualTo(LocalTimeStampAuthority.SUBJECT);
        assertThat(outputs.path("time").asText()).startsWith(token.time().toString().substring(0, 19));
        assertThat(outputs.path("token_sha256").asText()).isEqualTo(Hashing.sha256(Base64.getDecoder().decode(stamped.tsaToken())));
        assertThat(c.verify()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneByteFlippedInAStoredTokenIsReportedAtTheStampedEntry(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        timestamp(c);
        byte[] token = Base64.getDecoder().decode(c.db.entries(SampleCase.CASE).get(5).tsaToken());
        token[token.length - 10] ^= 1;
        c.db.execute("UPDATE ledger SET tsa_token = ? WHERE case_id = ? AND seq = 6", Base64.getEncoder().encodeToString(token), SampleCase.CASE);

        String received = outputs(c.db.entries(SampleCase.CASE).get(6)).path("token_sha256").asText();

        List<Discrepancy> found = c.verify();

        assertThat(found).hasSize(2);
        assertThat(found.get(0).what()).isEqualTo(What.TIMESTAMP);
        assertThat(found.get(0).where()).isEqualTo("ledger entry 6");
        assertThat(found.get(0).message()).startsWith("the time-stamp token");
        assertThat(found.get(1)).isEqualTo(new Discrepancy(What.TIMESTAMP, "ledger entry 6",
                "its token is not the one entry 7 records receiving (SHA-256 " + received + ")"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRemovedTokenIsReportedAtTheStampedEntry(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        timestamp(c);
        c.db.execute("UPDATE ledger SET tsa_token = NULL WHERE case_id = ? AND seq = 6", SampleCase.CASE);

        assertThat(c.verify()).containsExactly(new Discrepancy(What.TIMESTAMP, "ledger entry 6",
                "entry 7 records a time stamp of this entry, but its token is gone"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTokenMovedToAnotherEntryIsReportedThere(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        timestamp(c);
        String token = c.db.entries(SampleCase.CASE).get(5).tsaToken();
        c.db.execute("UPDATE ledger SET tsa_token = ? WHERE case_id = ? AND seq = 2", token, SampleCase.CASE);

        assertThat(c.verify()).containsExactly(new Discrepancy(What.TIMESTAMP, "ledger entry 2",
                "the time-stamp token is over another hash than the one it is kept for"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRefusingAuthorityLeavesTheLedgerAsItWas(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        List<LedgerEntry> before = c.db.entries(SampleCase.CASE);
        tsa.behave(Behaviour.REFUSE);

        assertThatThrownBy(() -> timestamp(c)).isInstanceOf(CotejoException.class).hasMessageContaining("refused the request");
        assertThat(c.db.entries(SampleCase.CASE)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEmptyLedgerHasNothingToTimeStamp(Engine engine) {
        CaseDatabase db = CaseDatabase.create(engine, dir);
        db.newCase("case-new");
        Ledger ledger = new Ledger(InstallationKey.open(dir.resolve("keys")), "0.1.0");

        assertThatThrownBy(() -> db.jdbi.useTransaction(h -> ledger.timestamp(h, "case-new", tsa.uri())))
                .isInstanceOf(CotejoException.class)
                .hasMessage("the ledger of case case-new is empty: there is nothing to time-stamp yet");
        assertThat(tsa.requests()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theShortFormNamesTheAuthorityAsTheCommand(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);

        LedgerEntry entry = c.db.jdbi.inTransaction(h -> c.ledger.timestamp(h, SampleCase.CASE, tsa.uri()));

        assertThat(entry.command()).isEqualTo("timestamp " + tsa.uri());
        assertThat(entry.analyst()).isNull();
        assertThat(c.verify()).isEmpty();
        assertThat(tsa.requests()).isEqualTo(1);
    }
}
