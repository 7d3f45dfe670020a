package org.cotejo.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.ModuleRunner;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.network.pcap.Captures;
import org.cotejo.forensics.record.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `cotejo bench pcap`: generates captures of the given sizes and times (a) the capture reader and all
 * capture modules on one thread, in this JVM, and (b) the whole `cotejo check pcap` in a fresh JVM
 * with a capped heap, so two sizes show whether the heap depends on the capture's size.
 */
@Command(name = "pcap",
        header = "Benchmark `check pcap` on generated captures: MB/s, packets/s and heap, at two sizes.",
        description = {
            "Writes a classic pcap per size (fixed seed: TLS handshakes then encrypted data, HTTP, UDP DNS, bulk",
            "TCP; about 200 bytes per packet, so 2 GB is about 10 million packets). For each, (a) reads it with",
            "every capture module on one thread in this JVM: records, MB/s and packets/s by wall and by CPU time",
            "(they differ on a busy machine), and the largest heap sampled; (b) runs `cotejo check pcap` against the bundled Pegasus feed in a new JVM with -Xmx",
            "(default 256m) and one active processor, writing all outputs: wall time and heap after collections."},
        footer = {"", "Examples:",
            "  ./cotejo bench pcap",
            "  ./cotejo bench pcap --gigabytes 0.2 --skip-child",
            "  ./cotejo bench pcap --gigabytes 0.5 --gigabytes 4 --heap 128m --keep /tmp/pcap-bench"},
        mixinStandardHelpOptions = true)
final class PcapBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--gigabytes", paramLabel = "GB", description = "Capture size; repeatable (default: 0.2 and 2).")
    List<Double> gigabytes = new ArrayList<>();

    @Option(names = "--heap", defaultValue = "256m", description = "Heap limit of the checking JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--skip-child", description = "Only the in-process reader and modules run (b is skipped).")
    boolean skipChild;

    @Option(names = "--keep", paramLabel = "DIR", description = "Write the captures and results here and keep them (default: a temporary folder, removed).")
    Path keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Double> sizes = gigabytes.isEmpty() ? List.of(0.2, 2.0) : gigabytes;
        out.printf(Locale.ROOT, "cotejo bench pcap: %d core(s), max heap %,d MiB, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
        Path base = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("cotejo-bench-pcap-");
        try {
            for (double gb : sizes) {
                Path dir = Files.createDirectories(base.resolve(String.format(Locale.ROOT, "%.2fGB", gb)));
                Path file = dir.resolve("capture.pcap");
                long t0 = System.nanoTime();
                SyntheticCapture capture = new SyntheticCapture();
                capture.write(file, (long) (gb * 1e9));
                out.printf(Locale.ROOT, "%n%.2f GB: wrote %,d packets, %,d bytes in %.1f s%n", gb, capture.packets(), capture.bytes(),
                        (System.nanoTime() - t0) / 1e9);
                out.flush();
                inProcess(out, file, capture.packets());
                if (!skipChild) {
                    Path feed = dir.resolve("pegasus.stix2");
                    IosCheckBenchmark.writePegasus(feed);
                    int code = ChildCheck.run(out, heap, dir, List.of("-XX:ActiveProcessorCount=1"),
                            List.of("check", "pcap", file.toString(), "--iocs", feed.toString(), "--out", dir.resolve("results").toString()));
                    if (code != 0 && code != 3) return 1;
                }
                Files.delete(file);
            }
            return 0;
        } finally {
            if (keep == null) org.cotejo.core.Folders.delete(base);
        }
    }

    /**
     * (a): the reader and every capture module on one thread, records built (observables, timeline) and counted; the
     * file's SHA-256 (provenance) is computed on a second thread, as `cotejo check` does, and the figures are the reading thread's.
     */
    private static void inProcess(PrintWriter out, Path file, long packets) throws Exception {
        List<ArtifactModule> modules = Modules.installed().select(EvidenceKind.PCAP, List.of());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        sampler.start();
        long[] records = new long[1];
        var threads = ManagementFactory.getThreadMXBean();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpu0 = threads.getCurrentThreadCpuTime(), user0 = threads.getCurrentThreadUserTime();
        long waited0 = runQueueNanos();
        long t0 = System.nanoTime();
        try (Extraction x = Captures.open(file)) {
            // as `cotejo check` does: the file's SHA-256 is computed on a second thread while the modules read it
            List<org.cotejo.forensics.evidence.FileEntry> files = new java.util.ArrayList<>();
            x.tree().walk(e -> {
                if (e.isFile()) files.add(e);
            });
            Thread hashing = new Thread(() -> {
                try {
                    for (var e : files) x.tree().sha256(e);
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }, "cotejo-hashing");
            hashing.setDaemon(true);
            hashing.start();
            new ModuleRunner(ModuleOptions.DEFAULT).run(x, modules, new RunListener() {
                @Override public void record(Record r) { records[0]++; }
            });
            hashing.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double user = (threads.getCurrentThreadUserTime() - user0) / 1e9;
        long waited1 = runQueueNanos();
        sampler.interrupt();
        sampler.join();
        long size = Files.size(file);
        // CPU time of the reading thread as well as wall time: on a shared machine the two differ
        out.printf(Locale.ROOT, "  (a) reader + %d capture modules, one thread: %.2f s wall, %.0f MB/s, %,.0f packets/s; %.2f s CPU, %.0f MB/s,"
                        + " %,.0f packets/s; %,d records; heap used at most %,d MiB sampled (%,d MiB before)%n",
                modules.size(), seconds, size / 1e6 / seconds, packets / seconds, cpu, size / 1e6 / cpu, packets / cpu, records[0],
                peak.get() >> 20, before >> 20);
        // why wall time exceeds CPU time: time runnable but waiting for a core (a busy machine), the rest blocked (I/O, collections)
        out.printf(Locale.ROOT, "      CPU %.2f s user + %.2f s system; %s; load average %.1f at the start%n", user, cpu - user,
                waited0 < 0 || waited1 < 0 ? "time waiting for a core unknown (no /proc/thread-self/schedstat)"
                        : String.format(Locale.ROOT, "%.2f s runnable but waiting for a core, %.2f s neither (blocked: I/O, collections)",
                                (waited1 - waited0) / 1e9, Math.max(0, seconds - cpu - (waited1 - waited0) / 1e9)), load);
        out.flush();
    }

    /** Linux: how long this thread has waited, runnable, for a core (the second field of its schedstat); -1 elsewhere. */
    private static long runQueueNanos() {
        try {
            String[] f = Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ");
            return Long.parseLong(f[1]);
        } catch (Exception e) {
            return -1;
        }
    }
}
