package org.cotejo.cases.custody;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cotejo.cases.store.CaseStore;
import org.jdbi.v3.core.Jdbi;

/**
 * A case store schema made by the real migrations, on a SQLite file or in a fresh PostgreSQL database,
 * with the rows tests need inserted as plain SQL (the case store proper is written elsewhere).
 */
final class CaseDatabase {
    /** Held so the level sticks: Flyway's INFO lines would bury the test output. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    enum Engine { SQLITE, POSTGRESQL }

    final Engine engine;
    final Jdbi jdbi;

    private CaseDatabase(Engine engine, Jdbi jdbi) {
        this.engine = engine;
        this.jdbi = jdbi;
    }

    static CaseDatabase create(Engine engine, Path folder) {
        String url = engine == Engine.SQLITE ? "jdbc:sqlite:" + folder.resolve("case.db") : postgresDatabase();
        String user = engine == Engine.SQLITE ? "" : "postgres";
        // The store migrates as it opens, with the placeholders and settings it uses.
        CaseStore.open(url, user, "").close();
        return new CaseDatabase(engine, Jdbi.create(url, user, ""));
    }

    private static org.cotejo.cases.testing.PostgresCluster cluster;

    /** A fresh database in one cluster shared by the custody tests of this run (stopped when the JVM exits). */
    private static synchronized String postgresDatabase() {
        if (cluster == null) {
            cluster = org.cotejo.cases.testing.PostgresCluster.start();
            org.cotejo.cases.testing.PostgresCluster started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return cluster.freshDatabase();
    }

    /** Inserts a case row and returns its id. */
    String newCase(String id) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO cases (id, name, agency, reference, created_at, created_by, tool_version)"
                        + " VALUES (:id, 'ES-2024-PM', 'CCN-CERT', 'JCI 4, DP 67/2024', '2026-01-05T09:00:00.000000Z', 'analyst-a', '0.1.0')")
                .bind("id", id)
                .execute());
        return id;
    }

    List<LedgerEntry> entries(String caseId) {
        return jdbi.withHandle(h -> Ledger.entries(h, caseId));
    }

    long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Runs one UPDATE or DELETE, as a person with the database file or a SQL prompt could. */
    int execute(String sql, Object... arguments) {
        return jdbi.withHandle(h -> h.execute(sql, arguments));
    }

    @Override
    public String toString() {
        return engine.name().toLowerCase();
    }
}
