package org.cotejo.cases.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PostgreSQL cluster of Debian's server package, on 127.0.0.1 and a free port, in a
 * temporary folder that is removed afterwards. Started on first use and stopped after the test class:
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresCluster POSTGRES = new PostgresCluster();
 * ... String url = POSTGRES.freshDatabase();   // user "postgres", password ""
 * }</pre>
 *
 * or by hand: {@code try (PostgresCluster pg = PostgresCluster.start()) { pg.freshDatabase() ... }}.
 *
 * <p>initdb refuses to run as root, so as root the server programs run as the {@code postgres} user
 * (runuser). When the server cannot be started (not installed, no such user) the test is skipped with
 * the reason, except when the environment variable {@code CI} is set: CI must run these tests, so
 * there it fails.
 */
public final class PostgresCluster implements AfterAllCallback, AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private Path folder;
    private Path bin;
    private int port;
    private String failure;
    private boolean icu = true;

    /** Starts a cluster now (for use outside JUnit's extension model); close it to stop and remove it. */
    public static PostgresCluster start() {
        PostgresCluster cluster = new PostgresCluster();
        cluster.ensureStarted();
        return cluster;
    }

    /**
     * Creates an empty database in the cluster and returns its JDBC URL. Databases use an ICU
     * English collation when the server has ICU, as a deployment would, so tests notice code that
     * relies on the byte order a C collation happens to give.
     */
    public synchronized String freshDatabase() {
        ensureStarted();
        String name = "cotejo_t" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD); Statement s = c.createStatement()) {
            if (icu) {
                try {
                    s.execute("CREATE DATABASE " + name + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
                    return url(name);
                } catch (SQLException noIcu) {
                    icu = false;
                }
            }
            s.execute("CREATE DATABASE " + name);
            return url(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of a database of this cluster. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    private void ensureStarted() {
        if (folder != null && failure == null) return;
        if (failure == null) {
            try {
                startServer();
            } catch (IOException | RuntimeException e) {
                failure = e.getMessage();
                stopQuietly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted while starting";
            }
        }
        if (failure != null) {
            String message = "PostgreSQL test cluster could not be started: " + failure;
            if (System.getenv("CI") != null) fail(message + " (CI must run the PostgreSQL tests)");
            Assumptions.abort(message + "; skipping (set CI to make this a failure)");
        }
    }

    private void startServer() throws IOException, InterruptedException {
        bin = serverBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        folder = Files.createTempDirectory("cotejo-pg");
        if (root) run(List.of("chown", USER + ":" + USER, folder.toString()), false);
        port = freePort();
        Path data = folder.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync"), root);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("server.log").toString(),
                "-w", "-t", "30", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50", "start"), root);
    }

    private static Path serverBin() {
        // -Dcotejo.test.postgres.bin=DIR picks another server build (or a missing one, to see the skip).
        String chosen = System.getProperty("cotejo.test.postgres.bin");
        if (chosen != null) {
            if (!Files.isExecutable(Path.of(chosen, "initdb"))) throw new IllegalStateException("no initdb in " + chosen);
            return Path.of(chosen);
        }
        Path base = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no server in " + base + "/*/bin (apt-get install postgresql)"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL server not installed (" + base + " missing; apt-get install postgresql)");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) full.addAll(List.of("runuser", "-u", USER, "--"));
        full.addAll(command);
        Path log = Files.createTempFile("cotejo-pg", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in 60 s");
            }
            if (p.exitValue() != 0) {
                String out = Files.readString(log, StandardCharsets.UTF_8).strip();
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " failed (exit " + p.exitValue() + "): "
                        + out.substring(Math.max(0, out.length() - 400)).replace('\n', ' '));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Stops the server and removes its folder. */
    @Override
    public synchronized void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        if (folder == null) return;
        try {
            if (bin != null && Files.isDirectory(folder.resolve("data"))) {
                boolean root = "root".equals(System.getProperty("user.name"));
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop"),
                        root);
            }
        } catch (IOException | RuntimeException e) {
            // The server may never have started; the folder goes either way.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                org.cotejo.core.Folders.delete(folder);
            } catch (UncheckedIOException e) {
                // A leftover temporary folder is not worth failing a test for.
            }
            folder = null;
        }
    }
}
