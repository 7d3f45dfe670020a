package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cotejo.cases.custody.CaseDatabase.Engine;
import org.cotejo.cases.custody.Discrepancy.What;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseVerifierTest {
    private static final String SMS_DB = "3d/3d0d7e5fb2ce288813306e4d4636395e047a3d28";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUntouchedCaseVerifiesClean(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);

        assertThat(c.db.entries(SampleCase.CASE)).hasSize(6);
        assertThat(c.verify()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneByteFlippedInAnEvidenceFileIsReportedWithTheFilesPath(Engine engine) throws Exception {
        SampleCase c = SampleCase.build(engine, dir);
        flipByte(c.backupFile(SMS_DB), 60_000);

        List<Discrepancy> found = c.verify();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).what()).isEqualTo(What.EVIDENCE);
        assertThat(found.get(0).where()).isEqualTo(c.backupFile(SMS_DB).toString());
        assertThat(found.get(0).message()).startsWith("evidence ev-1: changed since intake: SHA-256 ").contains(", the manifest says ");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSingleFileItemInTheVaultIsCheckedAgainstItsOneManifestEntry(Engine engine) throws Exception {
        SampleCase c = SampleCase.build(engine, dir);
        flipByte(c.bugreport, 0);

        assertThat(c.verify()).extracting(Discrepancy::what, Discrepancy::where)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(What.EVIDENCE, c.bugreport.toAbsolutePath().toString()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void filesRemovedResizedAndAddedSinceIntakeAreEachReportedInPathOrder(Engine engine) throws Exception {
        SampleCase c = SampleCase.build(engine, dir);
        Files.delete(c.backupFile("Info.plist"));
        Files.writeString(c.backupFile("Library/Preferences/com.apple.networkusage.plist"), "shorter");
        Files.writeString(c.backupFile("3d/planted.db"), "not from the phone");

        assertThat(c.verify()).containsExactly(
                new Discrepancy(What.EVIDENCE, c.backupFile("3d/planted.db").toString(),
                        "evidence ev-1: added since intake (18 bytes): the manifest does not list it"),
                new Discrepancy(What.EVIDENCE, c.backupFile("Info.plist").toString(), "evidence ev-1: missing since intake (it had "
                        + manifestRow(c, "Info.plist") + ")"),
                new Discrepancy(What.EVIDENCE, c.backupFile("Library/Preferences/com.apple.networkusage.plist").toString(),
                        "evidence ev-1: changed since intake: 7 bytes, the manifest says 3000"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEvidenceFolderThatIsGoneIsOneDiscrepancyNotOnePerFile(Engine engine) throws Exception {
        SampleCase c = SampleCase.build(engine, dir);
        Path moved = dir.resolve("moved away");
        Files.move(c.backupFolder, moved);

        assertThat(c.verify()).containsExactly(new Discrepancy(What.EVIDENCE, c.backupFolder.toAbsolutePath().toString(),
                "evidence ev-1 is missing: none of its 4 files can be checked; restore it, or mount the volume it is on"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneByteChangedInAnyHashedColumnOfOneLedgerEntryIsReportedAtThatEntry(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        for (String column : List.of("time", "os_user", "analyst", "tool_version", "action", "command", "inputs", "outputs")) {
            String original = c.db.jdbi.withHandle(h -> h.createQuery("SELECT " + column + " FROM ledger WHERE seq = 3").mapTo(String.class).one());
            c.db.execute("UPDATE ledger SET " + column + " = ? WHERE case_id = ? AND seq = 3", flipLastChar(original), SampleCase.CASE);

            List<Discrepancy> found = c.verify();

            assertThat(found).as("after changing %s", column).hasSize(1);
            assertThat(found.get(0).what()).isEqualTo(What.CHAIN);
            assertThat(found.get(0).where()).isEqualTo("ledger entry 3");
            assertThat(found.get(0).message()).endsWith("the entry was changed after it was written");
            c.db.execute("UPDATE ledger SET " + column + " = ? WHERE case_id = ? AND seq = 3", original, SampleCase.CASE);
        }
        assertThat(c.verify()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRemovedLedgerEntryIsReportedAsAGap(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        c.db.execute("DELETE FROM ledger WHERE case_id = ? AND seq = 4", SampleCase.CASE);

        assertThat(c.verify()).containsExactly(new Discrepancy(What.CHAIN, "ledger entry 4",
                "entry 4 missing: the chain jumps from entry 3 to entry 5; entries were removed"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aChangedEntryHashBreaksThatEntryItsSignatureAndTheNextLink(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        String hash = c.db.entries(SampleCase.CASE).get(1).entryHash();
        c.db.execute("UPDATE ledger SET entry_hash = ? WHERE case_id = ? AND seq = 2", flipLastChar(hash), SampleCase.CASE);

        assertThat(c.verify()).extracting(Discrepancy::what, Discrepancy::where).containsExactly(
                org.assertj.core.groups.Tuple.tuple(What.CHAIN, "ledger entry 2"),
                org.assertj.core.groups.Tuple.tuple(What.SIGNATURE, "ledger entry 2"),
                org.assertj.core.groups.Tuple.tuple(What.CHAIN, "ledger entry 3"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEntryRewrittenWithItsHashRecomputedIsCaughtByItsSignature(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        LedgerEntry head = c.db.entries(SampleCase.CASE).get(5);
        LedgerEntry forged = new LedgerEntry(head.caseId(), head.seq(), head.time(), head.osUser(), "someone else", head.toolVersion(),
                head.action(), head.command(), head.inputs(), head.outputs(), head.prevHash(), null, head.keyId(), null, null);
        c.db.execute("UPDATE ledger SET analyst = ?, entry_hash = ? WHERE case_id = ? AND seq = 6", "someone else", forged.computeHash(),
                SampleCase.CASE);

        assertThat(c.verify()).containsExactly(new Discrepancy(What.SIGNATURE, "ledger entry 6",
                "its signature does not verify with key " + c.key.keyId() + " over its recorded hash"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReplacedPublicKeyIsReportedAndNoEntryVerifiesWithIt(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        String impostor = InstallationKey.open(dir.resolve("impostor")).publicKeyBase64();
        c.db.execute("UPDATE signing_keys SET public_key = ? WHERE case_id = ?", impostor, SampleCase.CASE);

        List<Discrepancy> found = c.verify();

        assertThat(found.get(0).where()).isEqualTo("signing key " + c.key.keyId());
        assertThat(found.get(0).message()).startsWith("the public key recorded for it hashes to " + Hashing.sha256(java.util.Base64.getDecoder().decode(impostor)));
        assertThat(found.subList(1, found.size())).extracting(Discrepancy::where)
                .containsExactly("ledger entry 1", "ledger entry 2", "ledger entry 3", "ledger entry 4", "ledger entry 5", "ledger entry 6");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void entriesSignedByAKeyTheCaseDoesNotRecordAreEachReported(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        c.db.execute("DELETE FROM signing_keys WHERE case_id = ?", SampleCase.CASE);

        assertThat(c.verify()).hasSize(6).allSatisfy(d -> assertThat(d.toString())
                .matches("signature: ledger entry [1-6]: signed by key " + c.key.keyId() + ", which the case does not record"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneByteChangedInAStoredResultIsReportedWithItsScan(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);
        String message = c.db.jdbi.withHandle(h -> h.createQuery("SELECT message FROM detections WHERE n = 2").mapTo(String.class).one());
        c.db.execute("UPDATE detections SET message = ? WHERE device_no = 1 AND scan_no = 1 AND n = 2", flipLastChar(message));

        List<Discrepancy> found = c.verify();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).what()).isEqualTo(What.RESULT);
        assertThat(found.get(0).where()).isEqualTo("scan scan-1");
        assertThat(found.get(0).message()).endsWith("a result row was changed, added or removed after the scan");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void verifyingACaseThatDoesNotExistIsAClearError(Engine engine) {
        SampleCase c = SampleCase.build(engine, dir);

        assertThatThrownBy(() -> c.db.jdbi.useHandle(h -> c.verifier().verify(h, "case-fr-9")))
                .isInstanceOf(CotejoException.class)
                .hasMessage("there is no case case-fr-9 in this case store; list the cases with 'cotejo case status'");
    }

    private static String manifestRow(SampleCase c, String path) {
        return c.db.jdbi.withHandle(h -> h.createQuery("SELECT size, sha256 FROM evidence_files WHERE path = :path").bind("path", path)
                .map((rs, ctx) -> rs.getLong(1) + " bytes, SHA-256 " + rs.getString(2)).one());
    }

    static String flipLastChar(String s) {
        char last = s.charAt(s.length() - 1);
        return s.substring(0, s.length() - 1) + (char) (last ^ 1);
    }

    static void flipByte(Path file, long offset) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x01);
        }
    }
}
