package org.cotejo.cases.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.cotejo.cases.store.CaseStore;
import org.jdbi.v3.core.Handle;

/**
 * {@code cotejo bench case}: how fast the case store takes a scan's rows and answers the indexed
 * queries. Prints figures; asserts nothing.
 * <ol type="a">
 *   <li>stores one scan of {@code storeRecords} records (70 % events, 25 % observations, 5 % detections)
 *       into a new SQLite case, after a warm-up scan: records per second, commit included;
 *   <li>builds a case of {@code devices} devices and about {@code caseRows} rows (events and
 *       observations, half each) one transaction per device, reports the build time, then times each
 *       indexed query {@code runs} times on different devices and values and reports the median;
 *   <li>the same as (b) on PostgreSQL when a database URL is given (it should be empty).
 * </ol>
 */
public final class CaseStoreBenchmark {

    /**
     * What to run; {@link #defaults()} gives the figures issue 5 asks about.
     *
     * @param parts which parts to run, e.g. "abc" or "c" ((c) runs only with a PostgreSQL URL)
     */
    public record Options(String parts, long storeRecords, int devices, long caseRows, int runs, String postgresUrl, String postgresUser,
                          String postgresPassword) {
        public static Options defaults() {
            return new Options("abc", 2_000_000, 1_000, 10_000_000, 9, null, null, null);
        }
    }

    private CaseStoreBenchmark() {}

    /** Runs the benchmark with its databases under {@code dir} (left there for inspection). */
    public static void run(PrintWriter out, Path dir, Options o) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf(Locale.ROOT, "cotejo bench case: %d core(s), max heap %,d MiB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        if (o.parts().contains("a")) storing(out, dir, o);
        if (o.parts().contains("b")) querying(out, "(b) SQLite", "jdbc:sqlite:" + fresh(dir.resolve("case-" + o.devices() + ".db")), null, null, o);
        if (o.parts().contains("c") && o.postgresUrl() != null) {
            querying(out, "(c) PostgreSQL", o.postgresUrl(), o.postgresUser(), o.postgresPassword(), o);
        }
        out.flush();
    }

    private static void storing(PrintWriter out, Path dir, Options o) {
        long n = o.storeRecords();
        try (CaseStore warm = CaseStore.open("jdbc:sqlite:" + fresh(dir.resolve("warm-up.db")), null, null)) {
            SyntheticCase.create(warm, 1);
            SyntheticCase.scan(warm, 0, (int) (n / 14), (int) (n / 40), (int) (n / 200));
        }
        store(out, dir, "one scan of", (int) (n * 70 / 100), (int) (n * 25 / 100), (int) (n - n * 70 / 100 - n * 25 / 100));
        store(out, dir, "events only:", (int) (n / 2), 0, 0);
        store(out, dir, "observations only:", 0, (int) (n / 2), 0);
        store(out, dir, "detections only:", 0, 0, (int) (n / 4));
    }

    private static void store(PrintWriter out, Path dir, String what, int events, int observations, int detections) {
        try (CaseStore store = CaseStore.open("jdbc:sqlite:" + fresh(dir.resolve("store.db")), null, null)) {
            SyntheticCase.create(store, 1);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long rows = SyntheticCase.scan(store, 0, events, observations, detections);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            // The storing thread's CPU time too: on a shared machine the elapsed time also counts waiting for a core.
            out.printf(Locale.ROOT, "(a) SQLite, %s %,d records (%,d events, %,d observations, %,d detections) in %.2f s:"
                    + " %,.0f records/s (result hash and commit included; %.2f s CPU on the storing thread)%n", what, rows, events,
                    observations, detections, seconds, rows / seconds, cpu);
        }
        out.flush();
    }

    private static void querying(PrintWriter out, String label, String url, String user, String password, Options o) {
        int perDevice = (int) (o.caseRows() / o.devices() / 2);
        int detections = 20;
        try (CaseStore store = CaseStore.open(url, user, password)) {
            long start = System.nanoTime();
            SyntheticCase.create(store, o.devices());
            long rows = 0;
            for (int d = 0; d < o.devices(); d++) rows += SyntheticCase.scan(store, d, perDevice, perDevice, detections);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "%s: built a case of %,d devices, %,d rows (%,d events + %,d observations + %,d detections per device)"
                    + " in %.1f s (%,.0f rows/s, one transaction per device)%n", label, o.devices(), rows, perDevice, perDevice, detections,
                    seconds, rows / seconds);
            out.flush();
            store.read(h -> {
                time(out, o, "detections of a device", n -> store.detections(h, SyntheticCase.CASE_ID, device(n, o)).size(), h);
                time(out, o, "devices with a value every device has", n -> store.devicesWith(h, SyntheticCase.CASE_ID, "domain",
                        SyntheticCase.popularValue(n % SyntheticCase.POPULAR)).size(), h);
                time(out, o, "devices with a value of the shared pool", n -> store.devicesWith(h, SyntheticCase.CASE_ID, "domain",
                        "pool-" + (n * 7_919 % SyntheticCase.POOL) + ".example.net").size(), h);
                time(out, o, "observables two devices share", n -> store.shared(h, SyntheticCase.CASE_ID, device(n, o),
                        device(n + o.devices() / 2, o)).size(), h);
                time(out, o, "timeline page of 100 events", n -> store.events(h, SyntheticCase.CASE_ID, device(n, o),
                        SyntheticCase.T0.plusSeconds(37L * perDevice / 2), 100).size(), h);
                return null;
            });
        }
        out.flush();
    }

    private static String device(int n, Options o) {
        return SyntheticCase.deviceId(Math.floorMod(n * 389, o.devices()));
    }

    /** Runs the query {@code runs} times (after one warm-up) on different arguments; prints median and max. */
    private static void time(PrintWriter out, Options o, String what, Function<Integer, Integer> query, Handle h) {
        query.apply(-1);
        double[] ms = new double[o.runs()];
        List<Integer> sizes = new ArrayList<>();
        for (int n = 0; n < o.runs(); n++) {
            long start = System.nanoTime();
            sizes.add(query.apply(n));
            ms[n] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "    %-40s median %7.2f ms, max %7.2f ms over %d runs (rows returned: %s)%n", what,
                sorted[sorted.length / 2], sorted[sorted.length - 1], o.runs(), sizes.stream().distinct().sorted().toList());
        out.flush();
    }

    private static Path fresh(Path db) {
        try {
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(db + suffix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return db;
    }

    /**
     * {@code java … CaseStoreBenchmark DIR [--only abc] [--records N] [--devices N] [--rows N] [--runs N]
     * [--postgres URL [--user U] [--password P]]}
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: CaseStoreBenchmark DIR [--only abc] [--records N] [--devices N] [--rows N] [--runs N] [--postgres URL --user U --password P]");
            System.exit(2);
        }
        Options d = Options.defaults();
        String parts = d.parts();
        long records = d.storeRecords();
        long rows = d.caseRows();
        int devices = d.devices();
        int runs = d.runs();
        String url = null;
        String user = null;
        String password = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--only" -> parts = args[i + 1];
                case "--records" -> records = Long.parseLong(args[i + 1]);
                case "--devices" -> devices = Integer.parseInt(args[i + 1]);
                case "--rows" -> rows = Long.parseLong(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--postgres" -> url = args[i + 1];
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        run(new PrintWriter(System.out, true), Path.of(args[0]), new Options(parts, records, devices, rows, runs, url, user, password));
    }
}
