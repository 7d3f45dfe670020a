package org.cotejo.cases.custody;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster of Debian's server, started once per test JVM on 127.0.0.1 and a free
 * port (initdb into a temporary folder; run as user postgres when the tests run as root, because initdb
 * refuses root), stopped and removed when the JVM exits. Each test gets a fresh database in it.
 * Without a server the tests that need it skip, saying why, unless the environment variable CI is set:
 * CI must run them, so there they fail.
 */
final class PostgresCluster {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String baseUrl;
    private static String unavailable;

    private PostgresCluster() {}

    /** The JDBC URL of a new, empty database (user postgres, empty password); skips or fails the test without a server. */
    static synchronized String newDatabase() {
        if (baseUrl == null && unavailable == null) start();
        if (unavailable != null) {
            String why = "PostgreSQL could not be started: " + unavailable;
            if (System.getenv("CI") != null) fail(why + " (CI is set, so the PostgreSQL tests must run)");
            Assumptions.abort(why + "; skipping the PostgreSQL variant (install Debian's postgresql package to run it)");
        }
        String name = "custody_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (var c = DriverManager.getConnection(baseUrl + "postgres", "postgres", ""); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " in the test cluster", e);
        }
        return baseUrl + name;
    }

    private static void start() {
        try {
            Path bin = serverBin();
            Path dir = Files.createTempDirectory("cotejo-custody-pg");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) run(List.of("chown", "postgres:postgres", dir.toString()), dir);
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            Path data = dir.resolve("data");
            run(asPostgres(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), dir);
            run(asPostgres(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                    "-w", "-t", "30", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off", "start"), dir);
            baseUrl = "jdbc:postgresql://127.0.0.1:" + port + "/";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, data, dir, root)));
        } catch (IOException | RuntimeException e) {
            unavailable = e.getMessage();
        }
    }

    private static void stop(Path bin, Path data, Path dir, boolean root) {
        try {
            run(asPostgres(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), dir);
        } catch (IOException | RuntimeException ignored) {
            // the folder goes either way; a server left running would say so in its own log
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private static Path serverBin() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) throw new IOException("no server in /usr/lib/postgresql");
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.map(d -> d.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IOException("no initdb under /usr/lib/postgresql/*/bin"));
        }
    }

    private static List<String> asPostgres(boolean root, String... command) {
        List<String> all = new ArrayList<>();
        if (root) all.addAll(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(Arrays.asList(command));
        return all;
    }

    private static void run(List<String> command, Path dir) throws IOException {
        Path log = dir.resolve("commands.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": " + Files.readString(log).strip());
        }
    }
}
