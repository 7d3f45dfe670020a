package org.cotejo.cases.testing;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.cotejo.cases.store.CaseStore;

/**
 * The two databases a case can live in, for tests parameterised over both:
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresCluster POSTGRES = new PostgresCluster();
 * @TempDir Path dir;
 * @ParameterizedTest @EnumSource(Backend.class)
 * void storesX(Backend backend) { try (CaseStore store = backend.open(POSTGRES, dir)) { ... } }
 * }</pre>
 *
 * Each {@link #url} is a new, empty database: a new file for SQLite, a new database in the cluster
 * for PostgreSQL (the PostgreSQL case is skipped, or fails in CI, when no cluster can be started).
 */
public enum Backend {
    SQLITE,
    POSTGRESQL;

    private static final AtomicInteger FILES = new AtomicInteger();

    /** The address of a new, empty database. */
    public String url(PostgresCluster postgres, Path dir) {
        return this == SQLITE ? "jdbc:sqlite:" + dir.resolve("case-" + FILES.incrementAndGet() + ".db") : postgres.freshDatabase();
    }

    /** Opens a new, empty case store. */
    public CaseStore open(PostgresCluster postgres, Path dir) {
        return CaseStore.open(url(postgres, dir), PostgresCluster.USER, PostgresCluster.PASSWORD);
    }
}
