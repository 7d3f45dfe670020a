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

    /** Salvages {@code copy} into {@code target}; null when the sqlite3 tool is missing or fails. */
    static Path recover(Path copy, Path target) throws IOException {
        String tool = sqlite3();
        if (tool == null) return null;
        Path sql = target.resolveSibling("recovered.sql");
        try {
            if (!run(new ProcessBuilder(tool, copy.toString(), ".recover").redirectOutput(sql.toFile()))) return null;
            if (!run(new ProcessBuilder(tool, target.toString()).redirectInput(sql.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD))) return null;
            return Files.exists(target) ? target : null;
        } finally {
            Files.deleteIfExists(sql);
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
