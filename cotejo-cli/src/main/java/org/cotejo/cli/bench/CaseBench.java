package org.cotejo.cli.bench;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.cotejo.cases.bench.CaseStoreBenchmark;
import org.cotejo.cases.intake.EvidenceHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `cotejo bench case`: evidence hashing, storing scan rows, and the indexed queries of a large case. */
@Command(name = "case",
        header = "Benchmark the case store: hashing evidence, storing scan rows into SQLite, indexed queries on a 1,000-device case.",
        description = {
            "(h) hashes generated evidence files (random bytes, in the page cache) with both cores, as `case add-evidence` does;",
            "(a) stores scan rows (events, detections, observations) into SQLite through the scan writer;",
            "(b) builds a case of --devices devices and --rows rows and times the indexed queries (detections of a device,",
            "devices where an observable occurs, observables two devices share), median of --runs runs;",
            "(c) the same on PostgreSQL with --postgres URL (an empty database; password from COTEJO_DB_PASSWORD)."},
        footer = {"", "Examples:", "  ./cotejo bench case", "  COTEJO_JAVA_OPTS=-Xmx2g ./cotejo bench case --rows 10000000 --keep /tmp/bench-case"},
        mixinStandardHelpOptions = true)
final class CaseBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--hash-mb", defaultValue = "1024", description = "Evidence to hash, MiB (default ${DEFAULT-VALUE}).")
    int hashMb;

    @Option(names = "--records", defaultValue = "2000000", description = "Rows stored in (a) (default ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--devices", defaultValue = "1000", description = "Devices in (b) (default ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--rows", defaultValue = "10000000", description = "Rows of the case in (b) (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--runs", defaultValue = "9", description = "Runs per query (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--postgres", paramLabel = "JDBC-URL", description = "Also run (b) on this PostgreSQL database.")
    String postgres;

    @Option(names = "--postgres-user", paramLabel = "USER")
    String postgresUser;

    @Option(names = "--only", paramLabel = "PARTS", defaultValue = "habc", description = "Parts to run, e.g. h, a, b, bc (default ${DEFAULT-VALUE}).")
    String only;

    @Option(names = "--keep", paramLabel = "DIR", description = "Work here and keep the databases (default: a temporary folder, removed).")
    Path keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("cotejo-bench-case-");
        try {
            if (only.contains("h")) hashing(out, dir.resolve("evidence"));
            String parts = only.replace("h", "");
            if (!parts.isEmpty()) {
                CaseStoreBenchmark.run(out, dir.resolve("db"), new CaseStoreBenchmark.Options(parts, records, devices, rows, runs, postgres,
                        postgresUser, System.getenv("COTEJO_DB_PASSWORD")));
            }
            return 0;
        } finally {
            if (keep == null) org.cotejo.core.Folders.delete(dir);
        }
    }

    private void hashing(PrintWriter out, Path dir) throws Exception {
        Files.createDirectories(dir);
        int files = 16;
        long each = (long) hashMb * (1 << 20) / files;
        byte[] block = new byte[1 << 20];
        new Random(11).nextBytes(block);
        for (int i = 0; i < files; i++) {
            try (OutputStream o = Files.newOutputStream(dir.resolve("part-" + i + ".bin"))) {
                for (long w = 0; w < each; w += block.length) o.write(block, 0, (int) Math.min(block.length, each - w));
            }
        }
        EvidenceHasher.hash(dir, 0);
        for (int threads : new int[] {1, 0}) {
            long t = System.nanoTime();
            EvidenceHasher.Result r = EvidenceHasher.hash(dir, threads);
            double s = (System.nanoTime() - t) / 1e9;
            out.printf(Locale.ROOT, "(h) hashing %,d MiB in %d files with %s: %.2f s, %.0f MB/s%n", r.totalBytes() >> 20, files,
                    threads == 1 ? "1 thread" : "all cores", s, r.totalBytes() / s / 1e6);
        }
        out.flush();
    }
}
