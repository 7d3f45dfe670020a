package org.cotejo.forensics.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.module.SourceFile;
import org.sqlite.SQLiteConfig;

/**
 * A SQLite database from the evidence, opened on a private copy. SQLite writes {@code -wal} and
 * {@code -shm} files beside a WAL database even when opened read-only, so the database and its side
 * files are copied into the work area and the copy is opened; on close the originals are hashed again
 * and a change is an error. Reading tolerates damage: {@link #rows} stops at the first unreadable row
 * and says how many rows it read.
 */
public final class EvidenceDatabase implements AutoCloseable {
    private final FileTree tree;
    private final SourceFile source;
    private final List<SourceFile> sideFiles;
    private final Map<String, String> originalHashes;
    private final Connection connection;
    private final List<String> problems = new ArrayList<>();

    private EvidenceDatabase(FileTree tree, SourceFile source, List<SourceFile> sideFiles,
                             Map<String, String> originalHashes, Connection connection) {
        this.tree = tree;
        this.source = source;
        this.sideFiles = sideFiles;
        this.originalHashes = originalHashes;
        this.connection = connection;
    }

    /**
     * Copies {@code source} and its side files into {@code folder} (a fresh private folder) and opens
     * the copy read-only. {@code copier} writes a file's bytes (decrypted for encrypted backups).
     */
    public static EvidenceDatabase open(FileTree tree, SourceFile source, List<SourceFile> sideFiles, Path folder,
                                        Copier copier) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        Path copy = folder.resolve("db");
        hashes.put(source.entry().path(), tree.sha256(source.entry()));
        copier.copy(source, copy);
        for (SourceFile side : sideFiles) {
            String suffix = side.relativePath().substring(source.relativePath().length());
            hashes.put(side.entry().path(), tree.sha256(side.entry()));
            copier.copy(side, folder.resolve("db" + suffix));
        }
        checkHeader(copy, source);
        List<String> notes = new ArrayList<>();
        String damage = Recovery.damage(copy);
        Path opened = copy;
        if (damage != null) {
            Recovery.Outcome salvage = Recovery.recover(copy, folder.resolve("recovered.db"));
            if (salvage.database() != null) {
                opened = salvage.database();
                notes.add("the database is damaged (" + damage + "); read the rows SQLite's recovery could salvage"
                        + Recovery.unplaced(salvage.database()));
            } else {
                notes.add("the database is damaged (" + damage + ") and " + salvage.failure() + "; read what the damaged file gives");
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + opened, config.toProperties());
            EvidenceDatabase db = new EvidenceDatabase(tree, source, sideFiles, hashes, c);
            db.problems.addAll(notes);
            return db;
        } catch (SQLException e) {
            throw new CotejoException("cannot open SQLite database " + source.logical() + ": " + e.getMessage());
        }
    }

    /** Writes the bytes of an evidence file to a path in the work area. */
    @FunctionalInterface
    public interface Copier {
        void copy(SourceFile file, Path to) throws IOException;
    }

    private static void checkHeader(Path copy, SourceFile source) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(copy)) {
            n = in.readNBytes(head, 0, 16);
        }
        String magic = new String(head, 0, Math.min(n, 15), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (n < 16 || !magic.equals("SQLite format 3")) {
            throw new CotejoException(source.logical() + " is not a SQLite database"
                    + (n == 0 ? " (empty file)" : " (its first bytes are not the SQLite header)"));
        }
    }

    public SourceFile source() { return source; }

    public Connection connection() { return connection; }

    /** Table names in the database (lower-case), empty if the schema cannot be read. */
    public Set<String> tables() {
        Set<String> out = new LinkedHashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table','view')")) {
            while (rs.next()) out.add(rs.getString(1).toLowerCase(Locale.ROOT));
        } catch (SQLException e) {
            problems.add("schema unreadable: " + e.getMessage());
        }
        return out;
    }

    public boolean hasTable(String name) {
        return tables().contains(name.toLowerCase(Locale.ROOT));
    }

    /** Column names of a table (as declared), empty when the table does not exist. */
    public List<String> columns(String table) {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + table.replace("\"", "\"\"") + "\")")) {
            while (rs.next()) out.add(rs.getString("name"));
        } catch (SQLException e) {
            problems.add("columns of " + table + " unreadable: " + e.getMessage());
        }
        return out;
    }

    /**
     * Runs {@code sql} and hands each row to {@code row}. A query that cannot run throws
     * {@link SQLException} (callers try the next schema variant); a failure after some rows were read
     * (a damaged page) ends the iteration and is recorded in {@link #problems()} with the count read.
     *
     * @return the number of rows handed over
     */
    public long rows(String sql, RowHandler row) throws SQLException {
        long count = 0;
        try (Statement s = connection.createStatement()) {
            ResultSet rs = s.executeQuery(sql);
            try (rs) {
                while (true) {
                    try {
                        if (!rs.next()) break;
                    } catch (SQLException e) {
                        problems.add("read " + count + " rows, then stopped: " + e.getMessage());
                        break;
                    }
                    row.accept(rs);
                    count++;
                }
            }
        }
        return count;
    }

    /** A row callback that may read columns. */
    @FunctionalInterface
    public interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    /** What could not be read so far, in words. */
    public List<String> problems() { return List.copyOf(problems); }

    /** Closes the copy and checks the evidence files were not changed meanwhile. */
    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            // The copy is discarded with the work area; nothing to keep.
        }
        verifyOriginals();
    }

    private void verifyOriginals() throws IOException {
        List<SourceFile> all = new ArrayList<>();
        all.add(source);
        all.addAll(sideFiles);
        for (SourceFile f : all) {
            String now = tree.freshSha256(f.entry());
            String before = originalHashes.get(f.entry().path());
            if (!now.equals(before)) {
                throw new CotejoException("evidence file " + f.entry().path() + " changed while it was read (SHA-256 "
                        + before + " before, " + now + " after)");
            }
        }
    }

    /** Each cell of a row as a JSON-ready value: blobs as byte[], integers as Long, reals as Double. */
    public static Map<String, Object> rowValues(ResultSet rs) throws SQLException {
        var md = rs.getMetaData();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.put(md.getColumnLabel(i), cell(rs, i));
        }
        return out;
    }

    /** One cell: null, Long, Double, String or byte[], following SQLite's storage class for this row. */
    public static Object cell(ResultSet rs, int column) throws SQLException {
        Object o = rs.getObject(column);
        if (o == null) return null;
        if (o instanceof Integer i) return i.longValue();
        if (o instanceof Long || o instanceof Double || o instanceof String || o instanceof byte[]) return o;
        if (o instanceof Float f) return f.doubleValue();
        return o.toString();
    }

    /** Helper for callers that iterate without a handler class. */
    public static RowHandler each(Consumer<ResultSet> c) {
        return c::accept;
    }
}
