package org.cotejo.cli.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `cotejo bench zeek`: generates a large Zeek dns.log and times `cotejo check zeek` on it in a fresh JVM
 * with a capped heap, every output written (matched records by default or every record with --records all, the
 * timeline, findings, traffic enrichment).
 */
@Command(name = "zeek",
        header = "Benchmark `check zeek` on a generated dns.log: lines per second, wall time (JVM start included) and peak heap.",
        description = {
            "Generates a Zeek dns.log in Zeek's tab-separated format with every column Zeek writes (fixed seed):",
            "200 clients querying names drawn from a pool of 100,000 (a few popular, most rare), answered with one",
            "or two addresses each, one in ten unanswered; one line in 100,000 queries a name of the benchmark's own",
            "feed. Then runs `cotejo check zeek` on it in a new JVM with -Xmx (default 1g), writing its outputs,",
            "against the bundled feeds and that feed unless --iocs is given.",
            "Target (issue 8): 10 million lines in 20 s or less."},
        footer = {"", "Examples:",
            "  ./cotejo bench zeek",
            "  ./cotejo bench zeek --lines 1000000 --keep /tmp/zeek-bench"},
        mixinStandardHelpOptions = true)
final class ZeekBenchmark implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lines", defaultValue = "10000000", description = "Rows of dns.log (default ${DEFAULT-VALUE}).")
    long lines;

    @Option(names = "--iocs", paramLabel = "FEED|DIR", description = "Feeds to check against (repeatable).")
    List<Path> iocs = new ArrayList<>();

    @Option(names = "--heap", defaultValue = "1g", description = "Heap limit of the checking JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--records", paramLabel = "all|matched", description = "Passed to the check (default: the check's, matched for Zeek).")
    String records;

    @Option(names = "--keep", paramLabel = "DIR", description = "Write the log and results here and keep them (default: a temporary folder, removed).")
    Path keep;

    static final String HEADER = "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tdns\n"
            + "#open\t2025-01-01-00-00-00\n"
            + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\ttrans_id\trtt\tquery\tqclass\tqclass_name\tqtype"
            + "\tqtype_name\trcode\trcode_name\tAA\tTC\tRD\tRA\tZ\tanswers\tTTLs\trejected\n"
            + "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tcount\tinterval\tstring\tcount\tstring\tcount\tstring\tcount\tstring"
            + "\tbool\tbool\tbool\tbool\tcount\tvector[string]\tvector[interval]\tbool\n";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path base = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("cotejo-bench-zeek-");
        try {
            long t0 = System.nanoTime();
            Path logs = Files.createDirectories(base.resolve("zeek"));
            Path log = write(logs.resolve("dns.log"), lines);
            out.printf(Locale.ROOT, "generated a dns.log of %,d lines, %,d bytes, in %.1f s%n", lines, Files.size(log), (System.nanoTime() - t0) / 1e9);
            readingPath(out, logs);
            List<String> args = new ArrayList<>(List.of("check", "zeek", logs.toString(), "--out", base.resolve("results").toString()));
            for (Path f : iocs) args.addAll(List.of("--iocs", f.toString()));
            if (iocs.isEmpty()) args.addAll(List.of("--iocs", feed(base).toString(), "--with-defaults"));
            if (records != null) args.addAll(List.of("--records", records));
            out.println(iocs.isEmpty() ? "feeds: the bundled ones and the benchmark's own list of " + LISTED.length + " names" : "feeds: " + iocs);
            long t1 = System.nanoTime();
            int code = ChildCheck.run(out, heap, base, args);
            double seconds = (System.nanoTime() - t1) / 1e9;
            out.printf(Locale.ROOT, "%,.0f lines/s over the whole check (JVM start included); target: 10,000,000 lines in 20 s or less%n",
                    lines / seconds);
            out.flush();
            return code == 0 || code == 3 ? 0 : 1;
        } finally {
            if (keep == null) org.cotejo.core.Folders.delete(base);
        }
    }

    /** The reading path alone, in this JVM: the log read and every row made a record by ZeekDns, nothing matched or written. */
    private void readingPath(PrintWriter out, Path logs) throws Exception {
        long[] records = {0};
        org.cotejo.forensics.module.ArtifactModule dns = org.cotejo.forensics.module.Modules.installed().byName("ZeekDns").orElseThrow();
        long t = System.nanoTime();
        try (org.cotejo.forensics.evidence.Extraction x = org.cotejo.forensics.network.logs.ZeekLogs.open(logs)) {
            new org.cotejo.forensics.module.ModuleRunner(org.cotejo.forensics.module.ModuleOptions.DEFAULT).run(x, List.of(dns),
                    new org.cotejo.forensics.module.RunListener() {
                        @Override public void record(org.cotejo.forensics.record.Record r) { records[0]++; }
                    });
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        out.printf(Locale.ROOT, "reading path (ZeekDns records, no matching, no outputs): %,d records in %.1f s, %,.0f lines/s%n",
                records[0], seconds, records[0] / seconds);
        out.flush();
    }

    /** Writes {@code rows} rows of a realistic dns.log (fixed seed), streamed. */
    static Path write(Path file, long rows) throws IOException {
        SplittableRandom random = new SplittableRandom(2025);
        StringBuilder line = new StringBuilder(256);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                long micros = 1_735_689_600_000_000L + i * 8_640L + random.nextInt(8_000);
                int client = random.nextInt(200);
                int name = popular(random);
                line.append(micros / 1_000_000).append('.').append(Long.toString(1_000_000 + micros % 1_000_000), 1, 7).append('\t')
                        .append('C').append(Long.toString(i * 2654435761L & 0xFFFFFFFFFFL, 36)).append('\t')
                        .append("10.0.").append(client / 250).append('.').append(client % 250 + 2).append('\t')
                        .append(1024 + random.nextInt(64000)).append("\t10.0.0.1\t53\tudp\t").append(random.nextInt(65536)).append('\t')
                        .append("0.0").append(10 + random.nextInt(89)).append("000\t")
                        .append(i % LISTED_EVERY == LISTED_EVERY / 2 ? LISTED[(int) (i / LISTED_EVERY % LISTED.length)] : host(name))
                        .append("\t1\tC_INTERNET\t1\tA\t0\tNOERROR\tF\tF\tT\tT\t0\t");
                if (random.nextInt(10) == 0) {
                    line.append("-\t-");
                } else {
                    line.append(address(name, 0));
                    if (name % 3 == 0) line.append(',').append(address(name, 1)).append("\t300.000000,300.000000");
                    else line.append("\t300.000000");
                }
                line.append("\tF\n");
                w.append(line);
            }
            w.write("#close\t2025-01-02-00-00-00\n");
        }
        return file;
    }

    /**
     * Names the benchmark's own feed lists, queried once in every {@value #LISTED_EVERY} lines (100 in 10 million)
     * and answered with the addresses of an ordinary name: detections to write, new addresses of known-bad names
     * and shared infrastructure to alert on, as in a log with a few infected phones.
     */
    static final String[] LISTED = {"c2.operator-bench-7f3a.net", "cdn.operator-bench-7f3a.net", "update.delivery-bench-7f3a.com"};
    static final long LISTED_EVERY = 100_000;

    /** The benchmark's feed: {@link #LISTED} as a plain list, loaded with the bundled feeds. */
    static Path feed(Path base) throws IOException {
        return Files.writeString(base.resolve("bench-operator.txt"), String.join("\n", LISTED) + "\n");
    }

    /** A name number, skewed: half the queries go to 1% of the names. */
    private static int popular(SplittableRandom r) {
        return r.nextBoolean() ? r.nextInt(1_000) : r.nextInt(100_000);
    }

    private static String host(int n) {
        return switch (n % 4) {
            case 0 -> "api" + n + ".example-cloud.com";
            case 1 -> "cdn" + n + ".static-content.net";
            case 2 -> "www.site" + n + ".org";
            default -> "t" + n + ".tracker-metrics.io";
        };
    }

    private static String address(int n, int which) {
        int v = n * 7 + which * 100_003;
        return (23 + v % 180) + "." + (v / 180 % 256) + "." + (v / 46_080 % 256) + "." + (1 + which + n % 250);
    }
}
