package org.cotejo.cli.bench;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.IndicatedThreat;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.indicators.index.IndicatorIndex;
import org.cotejo.indicators.index.MatchSink;

/**
 * Measures the indicator index the way the targets are stated: URLs matched per second
 * against a real feed and against a generated million-domain feed, and the time and heap it takes
 * to build an index of a million indicators. Prints its figures; asserts nothing.
 */
final class IndexBenchmark {
    private final PrintWriter out;
    private final int threads;
    private final int urlCount;
    private final int poolSize;

    IndexBenchmark(PrintWriter out, int threads, int urlCount) {
        this.out = out;
        this.threads = threads;
        this.urlCount = urlCount;
        this.poolSize = Math.min(urlCount, 1_000_000);
    }

    /** (a): the given real feed's indicators (e.g. Amnesty's Pegasus domains). */
    void realFeed(String label, List<Indicator> indicators) throws Exception {
        IndicatorIndex index = IndicatorIndex.of(indicators);
        List<String> bad = indicators.stream().filter(i -> i.value().type() == ObservableType.DOMAIN)
                .map(i -> i.value().value()).toList();
        String[] urls = new SyntheticTraffic(1).urls(poolSize, bad, 1000).toArray(String[]::new);
        out.printf("(a) %s: %,d indicators (%,d domains)%n", label, index.size(), bad.size());
        reportMatching(index, urls);
    }

    /** (b): a generated feed of {@code domains} domains plus {@code ips} IP/CIDR indicators. */
    void generatedFeed(int domains, int ips) throws Exception {
        var traffic = new SyntheticTraffic(2);
        List<String> domainValues = traffic.domains(domains);
        List<String> ipValues = traffic.ipIndicators(ips);
        var collection = new Collection("generated", "Generated benchmark feed", "", "generated", "0".repeat(64),
                null, new IndicatedThreat("malware", "Synthetic"), Instant.EPOCH);
        System.gc();
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        List<Indicator> indicators = new ArrayList<>(domains + ips);
        for (String d : domainValues) {
            indicators.add(new Indicator("d" + indicators.size(), ObservableType.DOMAIN.normalise(d), collection, "generated"));
        }
        for (String ip : ipValues) {
            ObservableType t = ip.indexOf('/') >= 0 ? ObservableType.CIDR : ObservableType.IPV4;
            indicators.add(new Indicator("i" + indicators.size(), t.normalise(ip), collection, "generated"));
        }
        long t1 = System.nanoTime();
        IndicatorIndex index = IndicatorIndex.of(indicators);
        long t2 = System.nanoTime();
        System.gc();
        long heapAfter = usedHeap();
        out.printf("(b) generated feed: %,d domains + %,d IP/CIDR indicators%n", domains, ips);
        out.printf("    normalise %,d values: %.2f s; build index: %.2f s; heap held by indicators + index: %,d MiB (max heap %,d MiB)%n",
                indicators.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (heapAfter - heapBefore) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        String[] urls = traffic.urls(poolSize, domainValues, 1000).toArray(String[]::new);
        reportMatching(index, urls);
    }

    private void reportMatching(IndicatorIndex index, String[] pool) throws Exception {
        run(index, pool, Math.min(urlCount, pool.length)); // warm-up: let the JIT compile the hot path
        double[] rates = new double[3];
        long hits = 0;
        for (int r = 0; r < rates.length; r++) {
            long t = System.nanoTime();
            hits = run(index, pool, urlCount);
            rates[r] = urlCount / ((System.nanoTime() - t) / 1e9);
        }
        Arrays.sort(rates);
        out.printf("    matched %,d URLs (%,d distinct) on %d thread(s): median %,.0f URLs/s (min %,.0f, max %,.0f); %,d matches per run%n",
                urlCount, pool.length, threads, rates[1], rates[0], rates[2], hits);
    }

    private long run(IndicatorIndex index, String[] pool, int total) throws Exception {
        ExecutorService pool2 = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            int per = total / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * per;
                int to = t == threads - 1 ? total : from + per;
                parts.add(pool2.submit(() -> {
                    long[] count = new long[1];
                    MatchSink sink = (indicator, rule) -> count[0]++;
                    for (int i = from; i < to; i++) index.matchUrl(pool[i % pool.length], sink);
                    return count[0];
                }));
            }
            long hits = 0;
            for (Future<Long> f : parts) hits += f.get();
            return hits;
        } finally {
            pool2.shutdown();
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
