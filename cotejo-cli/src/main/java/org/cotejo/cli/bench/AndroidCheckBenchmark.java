package org.cotejo.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cotejo.forensics.android.bugreport.BugreportBuilder;
import org.cotejo.forensics.android.qf.AndroidQfBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `cotejo bench android`: generates a large AndroidQF collection with a large nested bugreport and times
 * `cotejo check androidqf` on it in a fresh JVM with a capped heap.
 */
@Command(name = "android",
        header = "Benchmark `check androidqf` on a generated collection: wall time (JVM start included) and peak heap.",
        description = {
            "Generates an AndroidQF collection (fixed content): packages.json with APK hashes and signing",
            "certificates, files.json with hashed file entries, and a nested bugreport.zip whose dumpstate has a",
            "package section and filler services up to the size asked. Then runs `cotejo check androidqf` on it in a",
            "new JVM with -Xmx (default 512m) against the feeds given (default: every feed in $COTEJO_CORPUS/iocs",
            "when that corpus is present, else the bundled feeds), writing all outputs."},
        footer = {"", "Examples:",
            "  ./cotejo bench android",
            "  ./cotejo bench android --packages 2000 --files 500000 --bugreport-mb 200 --keep /tmp/big-qf"},
        mixinStandardHelpOptions = true)
final class AndroidCheckBenchmark implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--packages", defaultValue = "2000", description = "Packages (default ${DEFAULT-VALUE}).")
    int packages;

    @Option(names = "--files", defaultValue = "500000", description = "File entries in files.json (default ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--bugreport-mb", defaultValue = "200", description = "Size of the nested bugreport's dumpstate in MB (default ${DEFAULT-VALUE}).")
    int bugreportMb;

    @Option(names = "--iocs", paramLabel = "FEED|DIR", description = "Feeds to check against (repeatable).")
    List<Path> iocs = new ArrayList<>();

    @Option(names = "--heap", defaultValue = "512m", description = "Heap limit of the checking JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--keep", paramLabel = "DIR", description = "Write the collection and results here and keep them (default: a temporary folder, removed).")
    Path keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path base = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("cotejo-bench-android-");
        try {
            long t0 = System.nanoTime();
            Path bugreport = new BugreportBuilder()
                    .property("persist.sys.timezone", "Europe/Madrid")
                    .streamedDumpstate(BugreportBuilder.large((long) bugreportMb * 1_000_000L, packages))
                    .zip(base.resolve("bugreport.zip"));
            Path collection = AndroidQfBuilder.collection()
                    .prop("ro.product.model", "Pixel 7")
                    .prop("ro.build.version.security_patch", "2024-02-05")
                    .prop("persist.sys.timezone", "Europe/Madrid")
                    .acquisition("2024-03-22T10:00:00Z", "")
                    .generate(packages, files)
                    .raw("bugreport.zip", Files.readAllBytes(bugreport))
                    .writeFolder(base.resolve("androidqf"));
            Files.delete(bugreport);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "generated %,d packages, %,d file entries and a %,d MB dumpstate: %,d bytes on disk in %.1f s%n",
                    packages, files, bugreportMb, size(collection), genSeconds);
            List<String> args = new ArrayList<>(List.of("check", "androidqf", collection.toString(), "--out", base.resolve("results").toString()));
            List<Path> feeds = new ArrayList<>(iocs);
            String corpus = System.getenv("COTEJO_CORPUS");
            if (feeds.isEmpty() && corpus != null && Files.isDirectory(Path.of(corpus, "iocs"))) feeds.add(Path.of(corpus, "iocs"));
            for (Path f : feeds) args.addAll(List.of("--iocs", f.toString()));
            out.println(feeds.isEmpty() ? "feeds: the bundled ones" : "feeds: " + feeds);
            int code = ChildCheck.run(out, heap, base, args);
            return code == 0 || code == 3 ? 0 : 1;
        } finally {
            if (keep == null) org.cotejo.core.Folders.delete(base);
        }
    }

    private static long size(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
