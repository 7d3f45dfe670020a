package org.cotejo.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.ios.backup.write.BackupDevice;
import org.cotejo.forensics.ios.backup.write.BackupWriter;
import org.cotejo.forensics.ios.synth.PhoneFile;
import org.cotejo.forensics.ios.synth.SyntheticPhone;
import org.cotejo.indicators.defaults.DefaultFeed;
import org.cotejo.indicators.defaults.DefaultFeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `cotejo bench ios`: generates a large backup and times `cotejo check ios-backup` on it in a fresh JVM
 * with a capped heap, so the figure includes JVM start and proves the heap bound.
 */
@Command(name = "ios",
        header = "Benchmark `check ios-backup` on a generated backup: wall time (JVM start included) and peak heap.",
        description = {
            "Generates a backup with real schemas (sms.db, Safari History.db, DataUsage.sqlite, WebKit",
            "observations.db; fixed seed), then runs `cotejo check ios-backup` on it against the bundled Amnesty",
            "Pegasus feed in a new JVM started with -Xmx (default 512m), writing all outputs. Prints the wall",
            "time, the heap the child used (largest live heap after a collection, largest occupied) and its summary."},
        footer = {"", "Examples:",
            "  ./cotejo bench ios",
            "  ./cotejo bench ios --sms 1000000 --heap 512m --keep /tmp/big-backup"},
        mixinStandardHelpOptions = true)
final class IosCheckBenchmark implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sms", defaultValue = "100000", description = "Messages (default ${DEFAULT-VALUE}).")
    int sms;

    @Option(names = "--visits", defaultValue = "200000", description = "Safari history visits (default ${DEFAULT-VALUE}).")
    int visits;

    @Option(names = "--datausage", defaultValue = "20000", description = "DataUsage process rows (default ${DEFAULT-VALUE}).")
    int dataUsage;

    @Option(names = "--webkit", defaultValue = "5000", description = "WebKit observed domains (default ${DEFAULT-VALUE}).")
    int webkit;

    @Option(names = "--heap", defaultValue = "512m", description = "Heap limit of the checking JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--keep", paramLabel = "DIR", description = "Write the backup and results here and keep them (default: a temporary folder, removed).")
    Path keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path base = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("cotejo-bench-ios-");
        try {
            long t0 = System.nanoTime();
            Path backup = base.resolve("backup");
            List<PhoneFile> files = new SyntheticPhone(sms, visits, dataUsage, webkit, 42).write(base.resolve("scratch"));
            try (BackupWriter w = BackupWriter.create(backup, BackupDevice.example())) {
                for (PhoneFile f : files) w.file(f.domain(), f.relativePath(), Files.readAllBytes(f.content()));
                w.finish();
            }
            long bytes = size(backup);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "generated %,d SMS, %,d Safari visits, %,d DataUsage rows, %,d WebKit domains: %,d bytes in %.1f s%n",
                    sms, visits, dataUsage, webkit, bytes, genSeconds);
            Path feed = base.resolve("pegasus.stix2");
            writePegasus(feed);
            Path results = base.resolve("results");
            int code = ChildCheck.run(out, heap, base,
                    List.of("check", "ios-backup", backup.toString(), "--iocs", feed.toString(), "--out", results.toString()));
            return code == 0 || code == 3 ? 0 : 1;
        } finally {
            if (keep == null) org.cotejo.core.Folders.delete(base);
        }
    }

    static void writePegasus(Path to) throws IOException {
        for (DefaultFeed d : DefaultFeeds.list()) {
            if (d.resource().endsWith("2021-07-18_nso/pegasus.stix2")) {
                try (InputStream in = d.open()) {
                    Files.copy(in, to);
                }
                return;
            }
        }
        throw new CotejoException("the bundled Pegasus feed is missing from this build");
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
