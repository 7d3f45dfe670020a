package org.cotejo.cli.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan killed with SIGKILL in the middle of an evidence item leaves the case exactly as before that
 * item (no scan row, no result rows, no ledger entry); running the scan again completes it.
 */
class CaseCrashTest {
    @TempDir
    Path tmp;

    private static long count(Path db, String table) throws Exception {
        try (Connection con = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = con.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static String integrity(Path db) throws Exception {
        try (Connection con = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = con.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "?";
        }
    }

    @Test
    void aScanKilledMidwayLeavesTheCaseAsItWasAndResumes() throws Exception {
        Path caseDir = tmp.resolve("case");
        Path backup = CaseCommandTest.infectedBackup(tmp.resolve("scratch"), tmp.resolve("evidence/backup"), 60_000, 120_000);
        Path feed = CaseCommandTest.feed(tmp);
        String c = caseDir.toString();
        assertThat(CaseCommandTest.cotejo("case", "create", c, "--agency", "A", "--reference", "R").code()).isZero();
        assertThat(CaseCommandTest.cotejo("case", "add-device", "-C", c, "--label", "D1", "--platform", "ios").code()).isZero();
        assertThat(CaseCommandTest.cotejo("case", "add-evidence", "-C", c, "--device", "D1", backup.toString()).code()).isZero();
        assertThat(CaseCommandTest.cotejo("case", "add-iocs", "-C", c, feed.toString(), feed.resolveSibling("processes.txt").toString()).code()).isZero();
        Path db = caseDir.resolve("case.db");
        long ledgerBefore = count(db, "ledger");

        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m"));
        if (System.getProperty("cotejo.home") != null) cmd.add("-Dcotejo.home=" + System.getProperty("cotejo.home"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.cotejo.cli.Main", "case", "scan", "-C", c));
        Path log = tmp.resolve("scan.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // Wait until the scan is inside the evidence item's transaction (a module with rows has finished).
        while (p.isAlive() && System.nanoTime() < deadline && !Files.readString(log).contains("Datausage:")) Thread.sleep(50);
        assertThat(p.isAlive()).as("the scan was still running when killed; log:\n" + Files.readString(log)).isTrue();
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        assertThat(integrity(db)).isEqualTo("ok");
        assertThat(count(db, "scans")).isZero();
        assertThat(count(db, "events")).isZero();
        assertThat(count(db, "detections")).isZero();
        assertThat(count(db, "ledger")).isEqualTo(ledgerBefore);

        CaseCommandTest.Run again = CaseCommandTest.cotejo("case", "scan", "-C", c);
        assertThat(again.code()).as(again.err()).isEqualTo(3);
        assertThat(again.out()).contains("INFECTED");
        assertThat(count(db, "scans")).isEqualTo(1);
        assertThat(count(db, "ledger")).isEqualTo(ledgerBefore + 1);
        assertThat(CaseCommandTest.cotejo("case", "verify", "-C", c).code()).isZero();
    }
}
