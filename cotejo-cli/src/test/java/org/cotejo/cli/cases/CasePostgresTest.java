package org.cotejo.cli.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import org.cotejo.cases.testing.PostgresCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case kept in PostgreSQL for a team: two analysts scan different devices of one case at the same
 * time; both scans are stored and the ledger stays one verified chain. Skips without a PostgreSQL
 * server (fails in CI, where one must be present).
 */
class CasePostgresTest {
    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @TempDir
    Path tmp;

    @Test
    void twoAnalystsScanDifferentDevicesAtOnce() throws Exception {
        String url = POSTGRES.freshDatabase();
        String c = tmp.resolve("case").toString();
        Path feed = CaseCommandTest.feed(tmp);
        Path b1 = CaseCommandTest.infectedBackup(tmp.resolve("s1"), tmp.resolve("evidence/one"), 2_000, 3_000);
        Path b2 = CaseCommandTest.infectedBackup(tmp.resolve("s2"), tmp.resolve("evidence/two"), 2_500, 3_500);
        var created = CaseCommandTest.cotejo("case", "create", c, "--agency", "ANSSI", "--reference", "EIO-FR-7", "--db", url,
                "--db-user", PostgresCluster.USER);
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("jdbc:postgresql://127.0.0.1");
        for (String d : new String[] {"FR-01", "FR-02"}) {
            assertThat(CaseCommandTest.cotejo("case", "add-device", "-C", c, "--label", d, "--platform", "ios").code()).isZero();
        }
        assertThat(CaseCommandTest.cotejo("case", "add-evidence", "-C", c, "--device", "FR-01", b1.toString()).code()).isZero();
        assertThat(CaseCommandTest.cotejo("case", "add-evidence", "-C", c, "--device", "FR-02", b2.toString()).code()).isZero();
        assertThat(CaseCommandTest.cotejo("case", "add-iocs", "-C", c, feed.toString(), feed.resolveSibling("processes.txt").toString())
                .code()).isZero();

        var one = CompletableFuture.supplyAsync(() -> CaseCommandTest.cotejo("case", "scan", "-C", c, "--device", "FR-01", "--analyst", "Analyst A"));
        var two = CompletableFuture.supplyAsync(() -> CaseCommandTest.cotejo("case", "scan", "-C", c, "--device", "FR-02", "--analyst", "Analyst B"));
        assertThat(one.get().code()).as(one.get().err()).isEqualTo(3);
        assertThat(two.get().code()).as(two.get().err()).isEqualTo(3);

        try (Connection con = DriverManager.getConnection(url, PostgresCluster.USER, PostgresCluster.PASSWORD);
             Statement s = con.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*), min(seq), max(seq) FROM ledger");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(rs.getLong(3));
            assertThat(rs.getLong(2)).isEqualTo(1);
            rs = s.executeQuery("SELECT analyst FROM ledger WHERE action = 'scan' ORDER BY analyst");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Analyst A");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Analyst B");
        }
        var verify = CaseCommandTest.cotejo("case", "verify", "-C", c);
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(CaseCommandTest.cotejo("case", "devices", "-C", c).out()).contains("FR-01", "FR-02", "infected");
    }
}
