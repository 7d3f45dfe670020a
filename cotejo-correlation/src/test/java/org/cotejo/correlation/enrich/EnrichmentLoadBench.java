package org.cotejo.correlation.enrich;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.cotejo.correlation.enrich.EnrichmentSource.Kind;
import org.cotejo.correlation.enrich.EnrichmentWriter.Format;

/**
 * Not a test: writes a passive-DNS file of N lines (default 10 million; seed 1) and loads it, printing
 * time and heap. Run it with a capped heap to show the load needs the facts' memory and little else:
 * {@code java -Xmx6g -cp … org.cotejo.correlation.enrich.EnrichmentLoadBench 10000000 /tmp/pdns.csv}.
 */
public final class EnrichmentLoadBench {
    private EnrichmentLoadBench() {}

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path file = Path.of(args.length > 1 ? args[1] : "/tmp/cotejo-pdns-bench.csv");
        if (!Files.exists(file)) {
            Random random = new Random(1);
            long t0 = System.nanoTime();
            try (EnrichmentWriter w = EnrichmentWriter.open(file, Kind.PASSIVE_DNS, Format.CSV, "bench, seed 1", LocalDate.of(2024, 5, 1))) {
                for (long i = 0; i < n; i++) {
                    // About four addresses per domain, as a domain moves between hosts over its life.
                    long domain = i / 4;
                    Instant first = Instant.ofEpochSecond(1_500_000_000L + random.nextInt(100_000_000));
                    w.resolution("host" + domain % 1000 + ".d" + domain + ".example", "10." + random.nextInt(256) + "." + random.nextInt(256)
                            + "." + random.nextInt(256), first, first.plusSeconds(random.nextInt(10_000_000)));
                }
            }
            System.out.printf("wrote %,d lines, %,d bytes in %.1f s%n", n, Files.size(file), (System.nanoTime() - t0) / 1e9);
        }
        System.gc();
        long before = used();
        long t0 = System.nanoTime();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long gc0 = gcMillis();
        EnrichmentFiles.Loaded loaded = EnrichmentFiles.load(List.of(file));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        double gc = (gcMillis() - gc0) / 1e3;
        System.gc();
        long after = used();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        EnrichmentSource s = loaded.sources().get(0);
        System.out.printf("loaded %,d records in %.1f s (%,.0f lines/s); retained heap %,d MiB (%.0f bytes/fact); sum of pool peaks %,d MiB; max heap %,d MiB%n",
                s.records(), seconds, s.records() / seconds, (after - before) >> 20, (after - before) / (double) s.records(), peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("loading thread CPU %.1f s, collector time %.1f s, load average %.1f on %d cores%n", cpu, gc,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.println(loaded.index().resolutions("host1.d1.example").size() + " resolutions of host1.d1.example; problems: " + loaded.problems().size());
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
