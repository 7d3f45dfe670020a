package org.cotejo.forensics.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * Damaged databases. A copy is checked with {@code PRAGMA quick_check}; a damaged one is salvaged with
 * the {@code sqlite3} tool's {@code .recover} command (which walks every page it can still read and
 * rebuilds the tables) into a new database in the work area. Only copies are ever touched.
 */
final class Recovery {
    private static final long TIMEOUT_MINUTES = 10;

    private Recovery() {}

    /** What is wrong with the database at {@code copy}, or null when SQLite finds it sound. */
    static String damage(Path copy) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy, config.toProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
            String r = rs.next() ? rs.getString(1) : "no answer to quick_check";
            return "ok".equals(r) ? null : r;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** The outcome of a salvage: the rebuilt database, or why there is none. */
    record Outcome(Path database, String failure) {}

    /**
     * Salvages {@code copy} into {@code target} with {@code .recover}, or failing that {@code .dump}
     * (which still reads the pages it can when an older sqlite3's recovery gives up).
     */
    static Outcome recover(Path copy, Path target) throws IOException {
        String tool = sqlite3();
        if (tool == null) return new Outcome(null, "the sqlite3 tool needed to salvage it is not installed");
        Path sql = target.resolveSibling("recovered.sql");
        try {
            for (String command : new String[] {".recover", ".dump"}) {
                Files.deleteIfExists(target);
                // On a damaged file both commands may stop part-way and exit with an error, leaving an open
                // transaction (or a ROLLBACK) at the end of what they printed: the statements printed so far
                // are kept by committing them. Whether anything was rebuilt is judged on the result.
                run(new ProcessBuilder(tool, copy.toString(), command).redirectOutput(sql.toFile()));
                if (Files.size(sql) == 0) continue;
                commitWhatWasDumped(sql);
                run(new ProcessBuilder(tool, target.toString()).redirectInput(sql.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD));
                if (Files.exists(target) && hasTables(target)) {
                    return new Outcome(target, null);
                }
            }
            return new Outcome(null, "SQLite's recovery could not rebuild it");
        } finally {
            Files.deleteIfExists(sql);
        }
    }

    /** Ends the SQL with COMMIT, replacing a final "ROLLBACK; -- due to errors" that sqlite3 writes after damage. */
    private static void commitWhatWasDumped(Path sql) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(sql.toFile(), "rw")) {
            long len = f.length();
            int tail = (int) Math.min(len, 256);
            byte[] end = new byte[tail];
            f.seek(len - tail);
            f.readFully(end);
            String text = new String(end, java.nio.charset.StandardCharsets.ISO_8859_1);
            int rollback = text.lastIndexOf("ROLLBACK;");
            if (rollback >= 0 && text.substring(rollback).strip().startsWith("ROLLBACK;")) {
                f.setLength(len - tail + rollback);
                f.seek(len - tail + rollback);
            } else {
                f.seek(len);
            }
            f.write("\nCOMMIT;\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private static boolean hasTables(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A note on rows the recovery found but could not put back in their table, or "". */
    static String unplaced(Path recovered) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + recovered, config.toProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM lost_and_found")) {
            long n = rs.next() ? rs.getLong(1) : 0;
            return n == 0 ? "" : "; " + n + " salvaged row" + (n == 1 ? "" : "s") + " could not be placed back in their table"
                    + " and are not read (they are in the recovered copy's lost_and_found table)";
        } catch (SQLException e) {
            return "";
        }
    }

    private static boolean run(ProcessBuilder pb) throws IOException {
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sqlite3() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "sqlite3");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }
}
