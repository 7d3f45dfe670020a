package org.cotejo.cli.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.cli.Main;
import org.cotejo.forensics.ios.backup.write.BackupDevice;
import org.cotejo.forensics.ios.backup.write.BackupWriter;
import org.cotejo.forensics.ios.synth.PhoneFile;
import org.cotejo.forensics.ios.synth.SyntheticPhone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case workflow as an analyst types it: create, add, pin, scan, look, verify; and what tampering looks like. */
class CaseCommandTest {
    @TempDir
    Path tmp;
    Path caseDir;
    Path backup;
    Path feed;

    record Run(int code, String out, String err) {}

    static Run cotejo(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path infectedBackup(Path scratch, Path folder, int sms, int visits) throws Exception {
        List<PhoneFile> files = new SyntheticPhone(sms, visits, 40, 10, 5)
                .planting(List.of("https://track.exploit-delivery.net/p/3Xz"), List.of("bh")).write(scratch);
        try (BackupWriter w = BackupWriter.create(folder, BackupDevice.example())) {
            for (PhoneFile f : files) w.file(f.domain(), f.relativePath(), Files.readAllBytes(f.content()));
            w.finish();
        }
        return folder;
    }

    /** The spy's domain list (its processes are in processes.txt beside it, pinned too: see {@link #pin}). */
    static Path feed(Path dir) throws Exception {
        Files.writeString(dir.resolve("processes.txt"), "bh\n");
        Path f = dir.resolve("spy.txt");
        Files.writeString(f, "exploit-delivery.net\n");
        return f;
    }

    private Run pin() {
        return cotejo("case", "add-iocs", "-C", c(), feed.toString(), feed.resolveSibling("processes.txt").toString());
    }

    private String c() { return caseDir.toString(); }

    @BeforeEach
    void caseWithADevice() throws Exception {
        caseDir = tmp.resolve("cases/es");
        backup = infectedBackup(tmp.resolve("scratch"), tmp.resolve("evidence/backup"), 200, 300);
        feed = feed(tmp);
        Run r = cotejo("case", "create", c(), "--agency", "CCN-CERT", "--reference", "JCI 4, DP 67/2024",
                "--legal-basis", "European Investigation Order", "--legal-basis-ref", "EIO-2024-118", "--analyst", "Analyst 7");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(cotejo("case", "add-device", "-C", c(), "--label", "ES-01", "--platform", "ios", "--pseudonym", "Minister A").code()).isZero();
    }

    private long ledgerEntries() throws Exception {
        try (Connection con = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement s = con.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM ledger")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private void sql(String update) throws Exception {
        try (Connection con = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db")); Statement s = con.createStatement()) {
            s.executeUpdate(update);
        }
    }

    @Test
    void anAnalystAddsEvidenceScansItAndTheCaseVerifies() throws Exception {
        Run add = cotejo("case", "add-evidence", "-C", c(), "--device", "ES-01", "--copy", backup.toString(),
                "--acquired-by", "Analyst 7", "--acquired-at", "2024-05-02T10:15:00+02:00", "--method", "Finder backup");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added ios-backup evidence", "copied into the vault");
        assertThat(pin().out()).contains("Pinned spy.txt", "Pinned processes.txt");

        Run scan = cotejo("case", "scan", "-C", c());
        assertThat(scan.code()).as(scan.err()).isEqualTo(3);
        assertThat(scan.out()).contains("INFECTED");
        assertThat(cotejo("case", "scan", "-C", c()).out()).contains("Nothing to scan");

        Run detections = cotejo("case", "detections", "-C", c(), "--device", "ES-01", "--json");
        List<String> found = new ArrayList<>();
        for (String line : detections.out().strip().split("\n")) {
            var n = new ObjectMapper().readTree(line);
            found.add(n.get("module").asText() + ":" + n.get("observableRaw").asText() + ":" + n.get("sourceFile").asText());
            assertThat(n.get("feedSha256").asText()).hasSize(64);
        }
        assertThat(found).contains("sms:https://track.exploit-delivery.net/p/3Xz:HomeDomain/Library/SMS/sms.db",
                "datausage:bh:WirelessDomain/Library/Databases/DataUsage.sqlite");
        assertThat(cotejo("case", "devices", "-C", c()).out()).contains("ES-01", "infected", "udid");
        assertThat(cotejo("case", "status", "-C", c()).out()).contains("European Investigation Order EIO-2024-118", "scans: 1");

        Run verify = cotejo("case", "verify", "-C", c());
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(cotejo("case", "log", "-C", c()).out()).contains("create", "add-device", "add-evidence", "add-iocs", "scan", "verify",
                "'JCI 4, DP 67/2024'");
    }

    @Test
    void aTimeStampingAuthoritySignsTheLedgerHeadAndVerifyChecksIt() throws Exception {
        try (var tsa = org.cotejo.cases.custody.LocalTimeStampAuthority.start()) {
            Run stamp = cotejo("case", "timestamp", "-C", c(), "--tsa", tsa.uri().toString());
            assertThat(stamp.code()).as(stamp.err()).isZero();
            assertThat(stamp.out()).contains("time-stamped by");
        }
        assertThat(cotejo("case", "log", "-C", c()).out()).contains("time-stamped", "timestamp");
        assertThat(cotejo("case", "verify", "-C", c()).code()).isZero();
        sql("UPDATE ledger SET tsa_token = substr(tsa_token, 1, 40) || 'AAAA' || substr(tsa_token, 45) WHERE tsa_token IS NOT NULL");
        Run verify = cotejo("case", "verify", "-C", c());
        assertThat(verify.code()).isEqualTo(3);
        assertThat(verify.out()).contains("ledger entry 2");
    }

    @Test
    void addingTheSameEvidenceTwiceDoesNothingAndSaysSo() throws Exception {
        assertThat(cotejo("case", "add-evidence", "-C", c(), "--device", "ES-01", backup.toString()).code()).isZero();
        long entries = ledgerEntries();
        Run again = cotejo("case", "add-evidence", "-C", c(), "--device", "ES-01", backup.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Already in the case");
        assertThat(ledgerEntries()).isEqualTo(entries);
    }

    @Test
    void verifyNamesAChangedEvidenceFileALedgerEntryAndAStoredResult() throws Exception {
        cotejo("case", "add-evidence", "-C", c(), "--device", "ES-01", backup.toString());
        pin();
        cotejo("case", "scan", "-C", c());
        Path sms = backup.resolve("3d/3d0d7e5fb2ce288813306e4d4636395e047a3d28");
        try (RandomAccessFile f = new RandomAccessFile(sms.toFile(), "rw")) {
            f.seek(200);
            int b = f.read();
            f.seek(200);
            f.write(b ^ 0x01);
        }
        sql("UPDATE ledger SET analyst = 'Someone else' WHERE seq = 2");
        sql("UPDATE detections SET message = message || '.' WHERE n = 0");
        sql("UPDATE evidence_files SET sha256 = '" + "0".repeat(64) + "' WHERE path = 'Info.plist'");
        Run verify = cotejo("case", "verify", "-C", c());
        assertThat(verify.code()).isEqualTo(3);
        assertThat(verify.out()).contains("3d0d7e5fb2ce288813306e4d4636395e047a3d28", "ledger entry 2", "scan ",
                "no longer matches the manifest recorded at intake");
    }

    @Test
    void aScanRefusesEvidenceThatChangedSinceIntakeAndLeavesTheLedgerAlone() throws Exception {
        cotejo("case", "add-evidence", "-C", c(), "--device", "ES-01", backup.toString());
        pin();
        Files.writeString(backup.resolve("Status.plist"), "changed", java.nio.file.StandardOpenOption.APPEND);
        long entries = ledgerEntries();
        Run scan = cotejo("case", "scan", "-C", c());
        assertThat(scan.code()).isEqualTo(2);
        assertThat(scan.err()).contains("changed since intake", "Status.plist");
        assertThat(ledgerEntries()).isEqualTo(entries);
    }

    @Test
    void clearMessagesForMissingThings() throws Exception {
        assertThat(cotejo("case", "status", "-C", tmp.resolve("nowhere").toString()).err()).contains("is not a case folder");
        assertThat(cotejo("case", "add-evidence", "-C", c(), "--device", "ES-09", backup.toString()).err()).contains("has no device ES-09");
        assertThat(cotejo("case", "add-evidence", "-C", c(), "--device", "ES-01", tmp.resolve("gone").toString()).err())
                .contains("no such file or folder");
        assertThat(cotejo("case", "scan", "-C", c()).err()).contains("no indicator feeds");
        Files.writeString(caseDir.resolve("case.json"), Files.readString(caseDir.resolve("case.json")).replace("\"version\" : 1", "\"version\" : 9"));
        Run newer = cotejo("case", "status", "-C", c());
        assertThat(newer.code()).isEqualTo(2);
        assertThat(newer.err()).contains("newer Cotejo");
    }
}
