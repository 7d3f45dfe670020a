package org.cotejo.forensics.ios.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.nio.file.Path;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.record.Fields;
import org.sqlite.SQLiteConfig;

/**
 * A backup's {@code Manifest.db}, read from a private copy (decrypted first for encrypted backups).
 * The {@code file} blob of each row is decoded by {@code metadata} (NSKeyedArchiver MBFile), lazily.
 */
public final class ManifestDatabase implements BackupManifest, AutoCloseable {
    private final Connection connection;
    private final Function<byte[], Fields> metadata;

    private ManifestDatabase(Connection connection, Function<byte[], Fields> metadata) {
        this.connection = connection;
        this.metadata = metadata;
    }

    /**
     * Opens the plain SQLite copy at {@code copy}. A file that is not a readable manifest (an encrypted
     * backup's Manifest.db, or damage) is a user error naming it.
     */
    public static ManifestDatabase open(Path copy, String describe, Function<byte[], Fields> metadata) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy, config.toProperties());
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT fileID, domain, relativePath, flags FROM Files LIMIT 1")) {
                rs.next();
            } catch (SQLException e) {
                c.close();
                throw new CotejoException(describe + " is not a readable backup manifest (" + e.getMessage()
                        + "): it is damaged, or encrypted and its Manifest.plist does not say so");
            }
            return new ManifestDatabase(c, metadata);
        } catch (SQLException e) {
            throw new CotejoException("cannot open " + describe + ": " + e.getMessage());
        }
    }

    @Override
    public List<ManifestEntry> find(String domain, String relativePath) throws IOException {
        StringBuilder sql = new StringBuilder("SELECT fileID, domain, relativePath, flags, file FROM Files WHERE 1=1");
        List<String> args = new ArrayList<>();
        if (domain != null) {
            if (domain.contains("*")) {
                sql.append(" AND domain LIKE ? ESCAPE '\\'");
                args.add(like(domain));
            } else {
                sql.append(" AND domain = ?");
                args.add(domain);
            }
        }
        if (relativePath != null) {
            if (relativePath.contains("*")) {
                sql.append(" AND relativePath LIKE ? ESCAPE '\\'");
                args.add(like(relativePath));
            } else {
                sql.append(" AND relativePath = ?");
                args.add(relativePath);
            }
        }
        sql.append(" ORDER BY domain, relativePath, fileID");
        List<ManifestEntry> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(entry(rs));
            }
        } catch (SQLException e) {
            throw new IOException("Manifest.db query failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void forEach(Consumer<ManifestEntry> visitor) throws IOException {
        try (var s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT fileID, domain, relativePath, flags, file FROM Files ORDER BY fileID")) {
            while (rs.next()) visitor.accept(entry(rs));
        } catch (SQLException e) {
            throw new IOException("Manifest.db could not be read to its end: " + e.getMessage(), e);
        }
    }

    /** The raw {@code file} blob (archived MBFile) of the row with this file id; empty when there is no such row or blob. */
    public java.util.Optional<byte[]> fileBlob(String fileId) throws IOException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT file FROM Files WHERE fileID = ?")) {
            ps.setString(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.ofNullable(rs.getBytes(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException("Manifest.db query for file " + fileId + " failed: " + e.getMessage(), e);
        }
    }

    private ManifestEntry entry(ResultSet rs) throws SQLException {
        byte[] blob = rs.getBytes(5);
        Fields meta = blob == null ? null : metadata.apply(blob);
        return new ManifestEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), meta);
    }

    /** SQL LIKE pattern for a '*' wildcard text; LIKE's own wildcards are escaped. */
    private static String like(String pattern) {
        return pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%');
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // read-only copy, nothing to lose
        }
    }
}
