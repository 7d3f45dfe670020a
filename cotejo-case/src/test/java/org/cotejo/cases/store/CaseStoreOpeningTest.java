package org.cotejo.cases.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.testing.Backend;
import org.cotejo.cases.testing.PostgresCluster;
import org.cotejo.cases.testing.Samples;
import org.cotejo.core.CotejoException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseStoreOpeningTest {
    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createsTheSchemaAndKeepsRowsWhenOpenedAgain(Backend backend) {
        String url = backend.url(POSTGRES, dir);
        try (CaseStore store = open(url)) {
            assertThat(store.schemaVersion()).isEqualTo(2);
            assertThat(store.postgres()).isEqualTo(backend == Backend.POSTGRESQL);
            store.transaction(h -> {
                store.createCase(h, Samples.caseInfo("c1"));
                return null;
            });
        }
        try (CaseStore again = open(url)) {
            assertThat(again.schemaVersion()).isEqualTo(2);
            List<CaseInfo> cases = again.read(again::cases);
            assertThat(cases).extracting(CaseInfo::id).containsExactly("c1");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void refusesADatabaseWrittenByANewerCotejo(Backend backend) {
        String url = backend.url(POSTGRES, dir);
        Flyway.configure().dataSource(url, PostgresCluster.USER, "").locations("classpath:db/migration")
                .placeholders(StoreOpening.placeholders(backend == Backend.POSTGRESQL)).javaMigrations(new V3__LaterSchema()).load().migrate();
        String where = backend == Backend.SQLITE ? url.substring("jdbc:sqlite:".length()) : url;

        assertThatThrownBy(() -> open(url)).isInstanceOf(CotejoException.class)
                .hasMessage("case database " + where + " was written by a newer Cotejo (schema 3); this Cotejo knows schema 2;"
                        + " use that version or a newer one");
    }

    /**
     * Schema 1 was rewritten before the first release (integer device and scan numbers in the scan-row
     * tables); a case a development build made before that has the same version with other contents.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void refusesACaseMadeByADevelopmentBuildWithTheOlderSchema1AndSaysToRecreateIt(Backend backend) {
        String url = backend.url(POSTGRES, dir);
        Flyway.configure().dataSource(url, PostgresCluster.USER, "").locations("classpath:db/schema-1-before-integer-keys").load().migrate();
        String where = backend == Backend.SQLITE ? url.substring("jdbc:sqlite:".length()) : url;

        assertThatThrownBy(() -> open(url)).isInstanceOf(CotejoException.class)
                .hasMessage("case database " + where + " was created by a development build of Cotejo with an older schema 1, which"
                        + " this build cannot read; re-create the case (create it, add its devices, evidence and feeds, and scan again)");
    }

    @Test
    void refusesAFileThatIsNotADatabase() throws Exception {
        Path notes = Files.writeString(dir.resolve("case.db"), "Acta de precinto\n".repeat(500));

        assertThatThrownBy(() -> open("jdbc:sqlite:" + notes)).isInstanceOf(CotejoException.class)
                .hasMessage("case database " + notes + " is not a database (is it the right file?); give the case's case.db");
        assertThat(Files.readString(notes)).isEqualTo("Acta de precinto\n".repeat(500));
    }

    @Test
    void saysTheDatabaseIsLockedWhileAnotherProgramWrites() throws Exception {
        Path db = dir.resolve("case.db");
        try (CaseStore store = open("jdbc:sqlite:" + db);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = other.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            s.execute("INSERT INTO cases (id, name, agency, reference, created_at, created_by, tool_version)"
                    + " VALUES ('other', 'n', 'a', 'r', 't', 'b', 'v')");

            assertThatThrownBy(() -> store.transaction(h -> {
                store.createCase(h, Samples.caseInfo("c1"));
                return null;
            })).isInstanceOf(CotejoException.class)
                    .hasMessage("case database " + db + " is locked by another program; try again when it has finished");

            s.execute("ROLLBACK");
            store.transaction(h -> {
                store.createCase(h, Samples.caseInfo("c1"));
                return null;
            });
        }
    }

    @Test
    void saysTheDatabaseIsLockedWhenAnotherProgramHoldsItExclusively() throws Exception {
        Path db = dir.resolve("case.db");
        open("jdbc:sqlite:" + db).close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = other.createStatement()) {
            // What the sqlite3 shell does with ".open --exclusive" or an application keeping the file for itself.
            s.execute("PRAGMA locking_mode = EXCLUSIVE");
            s.execute("BEGIN EXCLUSIVE");
            s.execute("INSERT INTO cases (id, name, agency, reference, created_at, created_by, tool_version)"
                    + " VALUES ('other', 'n', 'a', 'r', 't', 'b', 'v')");
            s.execute("COMMIT");

            assertThatThrownBy(() -> open("jdbc:sqlite:" + db)).isInstanceOf(CotejoException.class)
                    .hasMessage("case database " + db + " is locked by another program; try again when it has finished");
        }
    }

    @Test
    void saysTheDiskIsFullAndKeepsNothingOfTheTransaction() {
        Path db = dir.resolve("case.db");
        try (CaseStore store = open("jdbc:sqlite:" + db)) {
            // max_page_count makes SQLite answer exactly as on a full disk (SQLITE_FULL).
            assertThatThrownBy(() -> store.transaction(h -> {
                h.execute("PRAGMA max_page_count = " + h.createQuery("PRAGMA page_count").mapTo(Integer.class).one());
                store.createCase(h, Samples.caseInfo("c1"));
                store.addDevice(h, "c1", Samples.device("d1", "ES-01"));
                store.addEvidence(h, "c1", Samples.evidence("e2", "d1", Samples.files(20_000)), Samples.files(20_000));
                return null;
            })).isInstanceOf(CotejoException.class).hasMessage("case database " + db
                    + ": the disk is full; nothing of this step was stored; free space and run it again");

            List<CaseInfo> cases = store.read(store::cases);
            assertThat(cases).isEmpty();
        }
    }

    @Test
    void saysAPostgresServerIsUnreachableWithoutShowingThePassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/cases?password=hunter2&ssl=false";

        assertThatThrownBy(() -> CaseStore.open(url, "analyst", "s3cret")).isInstanceOf(CotejoException.class)
                .hasMessageStartingWith("case database jdbc:postgresql://127.0.0.1:" + closedPort + "/cases?ssl=false is unreachable (")
                .hasMessageEndingWith("); check that the server runs and the address is right")
                .message().doesNotContain("hunter2").doesNotContain("s3cret").doesNotContain("\n");
    }

    @Test
    void describesAPostgresDatabaseWithoutItsPassword() {
        assertThat(StoreOpening.withoutPassword("jdbc:postgresql://db:5432/cases?user=ana&password=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/cases?user=ana&ssl=true");
        assertThat(StoreOpening.withoutPassword("jdbc:postgresql://db/cases?password=x")).isEqualTo("jdbc:postgresql://db/cases");
        assertThat(StoreOpening.withoutPassword("jdbc:postgresql://ana:x@db/cases")).isEqualTo("jdbc:postgresql://ana@db/cases");
    }

    @Test
    void refusesAnAddressThatIsNeitherSqliteNorPostgres() {
        assertThatThrownBy(() -> CaseStore.open("jdbc:mysql://db/cases?password=x", null, null)).isInstanceOf(CotejoException.class)
                .hasMessage("'jdbc:mysql://db/cases' is not a case database address;"
                        + " give jdbc:sqlite:/path/case.db or jdbc:postgresql://host:port/db");
    }

    private static CaseStore open(String url) {
        return CaseStore.open(url, PostgresCluster.USER, PostgresCluster.PASSWORD);
    }

    /** What a later Cotejo's next migration would be, as far as this one can tell. */
    static final class V3__LaterSchema extends BaseJavaMigration {
        @Override
        public void migrate(Context context) throws Exception {
            try (Statement s = context.getConnection().createStatement()) {
                s.execute("CREATE TABLE verdict_reviews (case_id TEXT NOT NULL, scan_id TEXT NOT NULL)");
            }
        }
    }
}
