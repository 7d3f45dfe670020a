package org.cotejo.cases.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.cotejo.core.CotejoException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Everything {@link CaseStore#open} does before the store can be used: the data source with the
 * settings each database needs, the refusal of a database written by a newer Cotejo, and the
 * migrations. A failure here leaves the database as it was found.
 */
final class StoreOpening {
    /** How long a SQLite writer waits for another one before saying the database is locked. */
    static final int BUSY_TIMEOUT_MS = 5_000;
    /**
     * Flyway reports every step at INFO through java.util.logging, which prints to stderr: the command
     * line promises one line there per problem. Kept in a field because the logging framework holds
     * loggers weakly, and a collected logger forgets its level.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private static final Pattern OLDER_SCHEMA_1 = Pattern.compile("checksum mismatch for migration version 1\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("([?&])password=[^&]*&?", Pattern.CASE_INSENSITIVE);

    final DataSource dataSource;
    final boolean postgres;
    final String where;
    /** Holds a SQLite database open while the store is, so its WAL is not checkpointed and removed on every handle. */
    Connection keeper;
    int schemaVersion;

    private StoreOpening(DataSource dataSource, boolean postgres, String where) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.where = where;
    }

    static StoreOpening open(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null) throw new CotejoException("no case database given; give jdbc:sqlite:/path/case.db or jdbc:postgresql://host:port/db");
        StoreOpening o;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            o = new StoreOpening(sqlite(jdbcUrl), false, sqlitePath(jdbcUrl));
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            o = new StoreOpening(postgres(jdbcUrl, user, password), true, withoutPassword(jdbcUrl));
        } else {
            throw new CotejoException("'" + CotejoException.printable(withoutPassword(jdbcUrl)) + "' is not a case database address;"
                    + " give jdbc:sqlite:/path/case.db or jdbc:postgresql://host:port/db");
        }
        try {
            o.keeper = o.dataSource.getConnection();
            if (o.postgres) {
                o.keeper.close();
                o.keeper = null;
            }
            o.migrate();
            return o;
        } catch (SQLException | RuntimeException e) {
            o.closeKeeper();
            RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            throw StoreErrors.translate(failure, o.where).map(c -> (RuntimeException) c).orElseGet(() -> o.unexpected(failure));
        }
    }

    private void migrate() {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(placeholders(postgres)).failOnMissingLocations(true).load();
        MigrationInfoService info = flyway.info();
        MigrationVersion known = Arrays.stream(info.all()).filter(m -> m.getState().isResolved()).map(MigrationInfo::getVersion)
                .filter(v -> v != null).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        MigrationInfo current = info.current();
        // Flyway ignores migrations it does not know by default; an older Cotejo must not write to a
        // newer schema it cannot read correctly, so refuse before anything is written.
        if (current != null && current.getVersion() != null && current.getVersion().isNewerThan(known.getVersion())) {
            throw new CotejoException("case database " + where + " was written by a newer Cotejo (schema " + current.getVersion()
                    + "); this Cotejo knows schema " + known + "; use that version or a newer one");
        }
        flyway.migrate();
        MigrationInfo now = flyway.info().current();
        schemaVersion = now == null ? 0 : Integer.parseInt(now.getVersion().getVersion().split("\\.")[0]);
    }

    /** The values of the migrations' placeholders: SQLite clusters the scan-row tables by their keys. */
    static Map<String, String> placeholders(boolean postgres) {
        return Map.of("sqlite_without_rowid", postgres ? "" : "WITHOUT ROWID");
    }

    private RuntimeException unexpected(RuntimeException e) {
        if (e instanceof FlywayValidateException && OLDER_SCHEMA_1.matcher(String.valueOf(e.getMessage())).find()) {
            // Schema 1 was rewritten in place before the first release (integer keys in the scan-row
            // tables); a case made by a development build before that has schema 1 with other contents.
            return new CotejoException("case database " + where + " was created by a development build of Cotejo with an older"
                    + " schema 1, which this build cannot read; re-create the case (create it, add its devices, evidence and feeds,"
                    + " and scan again)", e);
        }
        if (e instanceof FlywayValidateException) {
            return new CotejoException("case database " + where + " does not match this Cotejo's schema (" + firstLine(e)
                    + "); was it made by a development build?", e);
        }
        if (e instanceof FlywayException) {
            return new CotejoException("case database " + where + " could not be prepared: " + firstLine(e), e);
        }
        return e;
    }

    void closeKeeper() {
        if (keeper == null) return;
        try {
            keeper.close();
        } catch (SQLException e) {
            // Closing a connection that failed to open fully; nothing was written through it.
        }
        keeper = null;
    }

    private static DataSource sqlite(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // Every write transaction takes the write lock when it begins, so two processes never both
        // read and then both wait to upgrade (the deadlock SQLite can only answer with SQLITE_BUSY).
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // 64 MiB of page cache: index pages of a 10-million-row case stay in memory while a scan is stored.
        config.setCacheSize(-65_536);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    private static DataSource postgres(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        if (user != null) ds.setUser(user);
        if (password != null) ds.setPassword(password);
        ds.setApplicationName("cotejo");
        // One INSERT with many rows per batch instead of one round trip per row.
        ds.setReWriteBatchedInserts(true);
        return ds;
    }

    private static String sqlitePath(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        if (rest.startsWith("file:")) rest = rest.substring("file:".length());
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    /** The address as it may be shown: no password parameter, no password in user information. */
    static String withoutPassword(String url) {
        String s = PASSWORD_PARAMETER.matcher(url).replaceAll("$1");
        s = s.replaceAll("//([^/@:]+):[^/@]*@", "//$1@");
        return s.endsWith("?") || s.endsWith("&") ? s.substring(0, s.length() - 1) : s;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
