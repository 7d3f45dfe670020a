package org.cotejo.cli.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.indicators.defaults.DefaultFeed;
import org.cotejo.indicators.defaults.DefaultFeeds;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.FeedReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", header = "Measure Cotejo's speed on this machine; prints figures, asserts nothing.",
        subcommands = {BenchCommand.Iocs.class, IosCheckBenchmark.class, AndroidCheckBenchmark.class, CaseBench.class, CorrelationBench.class, PcapBench.class, ZeekBenchmark.class}, mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  ./cotejo bench iocs", "  ./cotejo bench ios", "  ./cotejo bench pcap --gigabytes 0.2", "  ./cotejo bench zeek", "  COTEJO_JAVA_OPTS=-Xmx1g ./cotejo bench iocs --only a"})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "iocs",
            header = "Benchmark the indicator index: URLs matched per second, index build time and heap.",
            description = {
                "(a) matches synthetic URLs against Amnesty's Pegasus feed (bundled);",
                "(b) builds an index of generated domains plus IP/CIDR indicators, reports build time and",
                "heap, and matches URLs against it. The URLs are deterministic (fixed seed): popular sites",
                "and their subdomains, long-tail domains, IP hosts, ports, user-info, queries; about one in",
                "a thousand falls under an indicator. Run with COTEJO_JAVA_OPTS=-Xmx1g to check the heap target.",
                "",
                "--write-urls writes a URL file of the given size and the Pegasus domains, to compare",
                "`cotejo iocs check --from` with grep (see docs/benchmarks.md)."},
            footer = {"", "Examples:",
                "  ./cotejo bench iocs",
                "  COTEJO_JAVA_OPTS=-Xmx1g ./cotejo bench iocs --urls 10000000 --threads 2",
                "  ./cotejo bench iocs --write-urls /tmp/bench --size-mb 1024"},
            mixinStandardHelpOptions = true)
    static final class Iocs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--urls", defaultValue = "10000000", description = "URLs matched per measured run (default ${DEFAULT-VALUE}).")
        int urls;

        @Option(names = "--threads", description = "Matching threads (default: all cores).")
        Integer threads;

        @Option(names = "--generated-domains", defaultValue = "1000000", description = "Domains in feed (b) (default ${DEFAULT-VALUE}).")
        int domains;

        @Option(names = "--generated-ips", defaultValue = "1000000", description = "IP/CIDR indicators in feed (b) (default ${DEFAULT-VALUE}).")
        int ips;

        @Option(names = "--only", paramLabel = "a|b", description = "Run only part (a) or (b).")
        String only;

        @Option(names = "--write-urls", paramLabel = "DIR", description = "Write DIR/urls.txt and DIR/domains.txt instead of benchmarking.")
        Path writeDir;

        @Option(names = "--size-mb", defaultValue = "1024", description = "Size of urls.txt for --write-urls (default ${DEFAULT-VALUE}).")
        int sizeMb;

        @Override
        public Integer call() throws Exception {
            List<Indicator> pegasus = pegasus();
            if (writeDir != null) return writeUrls(pegasus);
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            PrintWriter out = spec.commandLine().getOut();
            out.printf("cotejo bench iocs: %d core(s), %d thread(s), max heap %,d MiB, %s%n",
                    Runtime.getRuntime().availableProcessors(), t, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.version());
            IndexBenchmark bench = new IndexBenchmark(out, t, urls);
            if (only == null || only.equals("a")) bench.realFeed("Amnesty Pegasus feed (pegasus.stix2)", pegasus);
            if (only == null || only.equals("b")) bench.generatedFeed(domains, ips);
            out.flush();
            return 0;
        }

        private int writeUrls(List<Indicator> pegasus) throws IOException {
            Files.createDirectories(writeDir);
            List<String> bad = pegasus.stream().filter(i -> i.value().type() == ObservableType.DOMAIN)
                    .map(i -> i.value().value()).toList();
            Files.write(writeDir.resolve("domains.txt"), bad, StandardCharsets.UTF_8);
            long target = (long) sizeMb << 20;
            long written = 0;
            var traffic = new SyntheticTraffic(3);
            try (BufferedWriter w = Files.newBufferedWriter(writeDir.resolve("urls.txt"), StandardCharsets.UTF_8)) {
                while (written < target) {
                    for (String u : traffic.urls(100_000, bad, 1000)) {
                        w.write(u);
                        w.write('\n');
                        written += u.length() + 1;
                        if (written >= target) break;
                    }
                }
            }
            spec.commandLine().getOut().printf("wrote %s (%,d bytes) and %s (%,d domains)%n",
                    writeDir.resolve("urls.txt"), written, writeDir.resolve("domains.txt"), bad.size());
            return 0;
        }

        private static List<Indicator> pegasus() {
            for (DefaultFeed d : DefaultFeeds.list()) {
                if (d.resource().endsWith("2021-07-18_nso/pegasus.stix2")) {
                    try (var in = d.open()) {
                        Feed f = FeedReader.defaults().read(d.resource(), in);
                        return f.indicators();
                    } catch (IOException e) {
                        throw new CotejoException("cannot read bundled feed " + d.resource() + ": " + e.getMessage());
                    }
                }
            }
            throw new CotejoException("the bundled Pegasus feed is missing from this build");
        }
    }
}
