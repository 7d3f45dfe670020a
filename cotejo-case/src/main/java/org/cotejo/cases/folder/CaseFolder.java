package org.cotejo.cases.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;

/**
 * A case on disk: {@code case.json} (which case, and where its database is), the embedded database
 * {@code case.db} when it is not on a PostgreSQL server, the pinned feed files under {@code feeds/}
 * and the evidence vault under {@code vault/}. The PostgreSQL password is never written: it comes
 * from the COTEJO_DB_PASSWORD environment variable.
 */
public final class CaseFolder {
    public static final String DESCRIPTOR = "case.json";
    public static final String FORMAT = "cotejo-case";
    public static final int VERSION = 1;
    public static final String PASSWORD_VARIABLE = "COTEJO_DB_PASSWORD";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final String caseId;
    private final String database;
    private final String user;

    private CaseFolder(Path root, String caseId, String database, String user) {
        this.root = root;
        this.caseId = caseId;
        this.database = database;
        this.user = user;
    }

    /**
     * Creates the folder for a new case (it must not exist, or be empty) and its descriptor.
     *
     * @param database null for the embedded SQLite database, else a {@code jdbc:postgresql://} URL
     */
    public static CaseFolder create(Path dir, String caseId, String database, String user) throws IOException {
        if (database != null && !database.startsWith("jdbc:postgresql://")) {
            throw new CotejoException("--db takes a jdbc:postgresql:// URL (the default is an embedded database in the case folder)");
        }
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) throw new CotejoException(dir + " exists and is not a folder");
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) throw new CotejoException(dir + " is not empty; a new case needs a new folder");
            }
        }
        Files.createDirectories(dir.resolve("feeds"));
        Files.createDirectories(dir.resolve("vault"));
        CaseFolder f = new CaseFolder(dir.toAbsolutePath().normalize(), caseId, database, user);
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("version", VERSION);
        n.put("case_id", caseId);
        n.put("database", database == null ? "case.db" : database);
        if (user != null) n.put("database_user", user);
        Files.writeString(dir.resolve(DESCRIPTOR), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
        return f;
    }

    /** Opens an existing case folder. */
    public static CaseFolder open(Path dir) {
        Path d = dir.resolve(DESCRIPTOR);
        if (!Files.isRegularFile(d)) {
            throw new CotejoException(dir + " is not a case folder (no " + DESCRIPTOR + "); create one with `cotejo case create`");
        }
        JsonNode n;
        try {
            n = JSON.readTree(d.toFile());
        } catch (IOException e) {
            throw new CotejoException(d + " is damaged: " + e.getMessage());
        }
        if (!FORMAT.equals(n.path("format").asText())) throw new CotejoException(d + " is not a Cotejo case descriptor");
        int version = n.path("version").asInt(-1);
        if (version > VERSION) {
            throw new CotejoException(d + " was written by a newer Cotejo (case format " + version + "); this Cotejo reads format "
                    + VERSION + "; upgrade Cotejo to open it");
        }
        String id = n.path("case_id").asText(null);
        String db = n.path("database").asText(null);
        if (id == null || db == null) throw new CotejoException(d + " lacks case_id or database");
        return new CaseFolder(dir.toAbsolutePath().normalize(), id, db.equals("case.db") ? null : db, n.path("database_user").asText(null));
    }

    public Path root() { return root; }

    public String caseId() { return caseId; }

    /** The JDBC URL of the case database. */
    public String jdbcUrl() {
        return database == null ? "jdbc:sqlite:" + root.resolve("case.db") : database;
    }

    public boolean embedded() { return database == null; }

    public String user() { return user == null ? "" : user; }

    /** The database password: none for the embedded database, else COTEJO_DB_PASSWORD (or ""). */
    public String password() {
        String p = System.getenv(PASSWORD_VARIABLE);
        return database == null || p == null ? "" : p;
    }

    public Path feeds() { return root.resolve("feeds"); }

    public Path vault() { return root.resolve("vault"); }

    /** Where a path stored relative to the case folder is. */
    public Path resolve(String relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) throw new CotejoException("stored path " + relative + " points outside the case folder");
        return p;
    }
}
