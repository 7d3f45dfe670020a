package org.cotejo.forensics.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Writes real SQLite fixture databases: the schema as the phone has it, then rows. */
public final class Sqlite implements AutoCloseable {
    private final Connection c;

    private Sqlite(Connection c) {
        this.c = c;
    }

    /** Creates (or opens) the database at {@code file}, creating its parent folders. */
    public static Sqlite create(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return new Sqlite(DriverManager.getConnection("jdbc:sqlite:" + file));
    }

    /** Runs DDL or any statement without parameters. */
    public Sqlite exec(String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        }
        return this;
    }

    /** Inserts one row with positional parameters. */
    public Sqlite insert(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
        return this;
    }

    public Connection connection() { return c; }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
