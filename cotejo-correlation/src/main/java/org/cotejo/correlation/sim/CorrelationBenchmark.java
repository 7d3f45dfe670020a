package org.cotejo.correlation.sim;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;

/**
 * The correlation benchmark (issue 6, "Quality and scale"): generates the default hard world at each
 * size, runs a predictor on it, measures the prediction's wall time and peak heap, judges it with
 * {@link Metrics}, and prints the figures beside the targets. The command line plugs the
 * correlator in; {@link #main} runs the {@link Baselines} so the benchmark itself can be exercised.
 */
public final class CorrelationBenchmark {
    /** Issue 6's targets. */
    static final double ARI_TARGET = 0.95;
    static final double STRONG_RATE_TARGET = 0.01;
    static final double SECONDS_AT_100K = 60;
    static final long HEAP_AT_100K = 4L << 30;
    static final double GROWTH_10K_TO_100K = 12;

    /**
     * One size's figures.
     *
     * @param peakHeapBytes the sum of the heap pools' peaks during prediction, the world included (an upper
     *                      bound: pools peak at different moments)
     */
    public record Row(String predictor, int devices, int extractions, long sightings, double generateSeconds,
                      double predictSeconds, long peakHeapBytes, QualityReport quality, SampledStrength sampled) {}

    /**
     * "Strong support or above" on a uniform sample of pairs of detected targets of different operators of the
     * same vendor (Hd exactly: different operators of the same tool), weighed on request whether or not the
     * correlator chose to weigh them; null when the predictor cannot weigh pairs.
     */
    public record SampledStrength(int pairs, int strong) {
        public double rate() {
            return pairs == 0 ? 0 : (double) strong / pairs;
        }
    }

    /** What a prepared predictor does: predict (timed), and optionally weigh chosen pairs on request (not timed). */
    public interface Stage {
        Prediction predict(World world);

        /** log10 of the ratio of each pair (device ids), or null when the predictor cannot weigh pairs on request. */
        default Map<DevicePair, Double> weigh(World world, List<DevicePair> pairs) {
            return null;
        }
    }

    /**
     * A predictor whose preparation is not timed: {@code prepare} sees the world and returns what is timed.
     * The correlator with simulated pivot confirmation prepares by a first pass whose candidates an
     * "analyst" decides (a human step between two runs); the second pass, with the decisions, is timed.
     */
    public record Predictor(String name, Function<World, Stage> prepare) {
        /** A predictor with nothing to prepare. */
        public static Predictor of(String name, Function<World, Prediction> predict) {
            return new Predictor(name, w -> predict::apply);
        }
    }

    /** How many different-operator pairs of one tool are sampled and weighed for the "strong support" rate. */
    static final int STRONG_SAMPLE = 20_000;

    private CorrelationBenchmark() {}

    public static List<Row> run(String name, Function<World, Prediction> predictor, WorldSpec base, List<Integer> sizes,
                                PrintStream out) {
        return run(List.of(Predictor.of(name, predictor)), base, sizes, out);
    }

    /** Generates each size's world once and runs every predictor on it; prints one table, then the verdicts per predictor. */
    public static List<Row> run(List<Predictor> predictors, WorldSpec base, List<Integer> sizes, PrintStream out) {
        List<Row> rows = new ArrayList<>();
        header(predictors, base, out);
        for (int size : sizes) {
            long t0 = System.nanoTime();
            World world = WorldGenerator.generate(base.withDevices(size));
            double generate = (System.nanoTime() - t0) / 1e9;
            for (int k = 0; k < predictors.size(); k++) {
                Stage predict = predictors.get(k).prepare().apply(world);
                System.gc();
                List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).toList();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                long t1 = System.nanoTime();
                Prediction p = predict.predict(world);
                double seconds = (System.nanoTime() - t1) / 1e9;
                long peak = heap.stream().mapToLong(b -> b.getPeakUsage().getUsed()).sum();
                Row row = new Row(predictors.get(k).name(), size, world.devices().size(),
                        world.devices().stream().mapToLong(d -> d.sightings().size()).sum(), generate, seconds, peak,
                        Metrics.evaluate(p, world.truth()), sampled(predict, world, size));
                rows.add(row);
                print(k, row, out);
            }
        }
        for (int k = 0; k < predictors.size(); k++) {
            String name = predictors.get(k).name();
            out.printf(Locale.ROOT, "[%d] %s%n", k + 1, name);
            verdicts(rows.stream().filter(r -> r.predictor().equals(name)).toList(), out);
        }
        return rows;
    }

    private static SampledStrength sampled(Stage stage, World world, int size) {
        List<DevicePair> sample = sameToolDifferentOperatorPairs(world.truth(), STRONG_SAMPLE, size);
        Map<DevicePair, Double> lr = stage.weigh(world, sample);
        if (lr == null) return null;
        int strong = 0;
        for (DevicePair p : sample) if (lr.getOrDefault(p, 0.0) >= Metrics.STRONG_LOG10) strong++;
        return new SampledStrength(sample.size(), strong);
    }

    /** A seeded uniform sample of distinct pairs of detected targets of different operators of one vendor. */
    static List<DevicePair> sameToolDifferentOperatorPairs(Truth truth, int want, long seed) {
        Map<String, List<DeviceTruth>> byVendor = new java.util.TreeMap<>();
        Map<String, String> detected = truth.operatorOfDetectedTargets();
        for (DeviceTruth d : truth.devices()) {
            if (detected.containsKey(d.deviceId())) byVendor.computeIfAbsent(d.vendor(), v -> new ArrayList<>()).add(d);
        }
        List<List<DeviceTruth>> vendors = byVendor.values().stream().filter(l -> l.size() >= 2).toList();
        java.util.Random rnd = new java.util.Random(seed);
        java.util.Set<DevicePair> out = new java.util.LinkedHashSet<>();
        for (int tries = 0; out.size() < want && tries < want * 20 && !vendors.isEmpty(); tries++) {
            List<DeviceTruth> l = vendors.get(rnd.nextInt(vendors.size()));
            DeviceTruth a = l.get(rnd.nextInt(l.size())), b = l.get(rnd.nextInt(l.size()));
            if (!a.operator().equals(b.operator())) out.add(DevicePair.of(a.deviceId(), b.deviceId()));
        }
        return new ArrayList<>(out);
    }

    private static void header(List<Predictor> predictors, WorldSpec base, PrintStream out) {
        out.printf(Locale.ROOT, "%n== the hard world (seed %d, %d operators per vendor, countries %s) ==%n", base.seed(),
                base.operatorsPerVendor(), String.join(" ", base.countries()));
        for (int k = 0; k < predictors.size(); k++) out.printf(Locale.ROOT, "  [%d] %s%n", k + 1, predictors.get(k).name());
        out.printf(Locale.ROOT, "%3s %8s %8s %9s %7s %8s %8s | %6s %6s %6s %6s %6s %6s | %8s %8s %10s %8s %6s%n", "run", "devices", "extract",
                "sightings", "gen s", "pred s", "heap MB", "ARI", "B3-F1", "pairP", "pairR", "pivotR", "pivotP",
                "strong%", "strong%sc", "strong%smp", "xOpClust", "toolX");
    }

    private static void print(int k, Row r, PrintStream out) {
        QualityReport q = r.quality();
        out.printf(Locale.ROOT, "%3s %8d %8d %9d %7.2f %8.2f %8d | %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f | %8.4f %8.4f %10s %8d %6s%n",
                "[" + (k + 1) + "]", r.devices(), r.extractions(), r.sightings(), r.generateSeconds(), r.predictSeconds(),
                r.peakHeapBytes() >> 20, q.adjustedRandIndex(), q.bcubedF1(), q.pairPrecision(), q.pairRecall(), q.pivotRecall(),
                q.pivotPrecision(), 100 * q.strongRateOfAll(), 100 * q.strongRateOfScored(),
                r.sampled() == null ? "n/a" : String.format(Locale.ROOT, "%.4f", 100 * r.sampled().rate()), q.differentOperatorClustered(),
                q.linksStated() ? Long.toString(q.toolOnlyCrossLinks()) : "n/a");
    }

    /** The targets, each with the figure it is judged on. */
    private static void verdicts(List<Row> rows, PrintStream out) {
        for (Row r : rows) {
            QualityReport q = r.quality();
            out.printf(Locale.ROOT, "  %,d devices: ARI %.3f (target >= %.2f: %s); different-operator pairs clustered %d, of them"
                            + " on tool evidence only %s (target 0: %s); strong or above %.4f %% of scored different-operator pairs"
                            + " (target <= %.0f %%: %s)%n", r.devices(), q.adjustedRandIndex(), ARI_TARGET, met(q.adjustedRandIndex() >= ARI_TARGET),
                    q.differentOperatorClustered(), q.linksStated() ? Long.toString(q.toolOnlyCrossLinks()) : "not stated",
                    q.linksStated() ? met(q.toolOnlyCrossLinks() == 0) : met(q.differentOperatorClustered() == 0),
                    100 * q.strongRateOfScored(), 100 * STRONG_RATE_TARGET, met(q.strongRateOfScored() <= STRONG_RATE_TARGET));
            if (r.sampled() != null) {
                out.printf(Locale.ROOT, "    and on a sample of %,d pairs of different operators of one tool, weighed on request: strong or"
                                + " above %d (%.4f %%; target <= %.0f %%: %s)%n", r.sampled().pairs(), r.sampled().strong(),
                        100 * r.sampled().rate(), 100 * STRONG_RATE_TARGET, met(r.sampled().rate() <= STRONG_RATE_TARGET));
            }
        }
        Row at10k = rows.stream().filter(r -> r.devices() == 10_000).findFirst().orElse(null);
        Row at100k = rows.stream().filter(r -> r.devices() == 100_000).findFirst().orElse(null);
        if (at100k != null) {
            out.printf(Locale.ROOT, "  100,000 devices: %.1f s (target <= %.0f s: %s), peak heap %d MB (target <= 4096 MB: %s)%n",
                    at100k.predictSeconds(), SECONDS_AT_100K, met(at100k.predictSeconds() <= SECONDS_AT_100K), at100k.peakHeapBytes() >> 20,
                    met(at100k.peakHeapBytes() <= HEAP_AT_100K));
        }
        if (at10k != null && at100k != null && at10k.predictSeconds() < 1) {
            out.println("  time from 10,000 to 100,000 devices: not judged, the prediction took under a second at 10,000 (noise)");
        } else if (at10k != null && at100k != null) {
            double growth = at100k.predictSeconds() / Math.max(1e-9, at10k.predictSeconds());
            out.printf(Locale.ROOT, "  time from 10,000 to 100,000 devices: x%.1f (target <= x%.0f: %s)%n", growth, GROWTH_10K_TO_100K,
                    met(growth <= GROWTH_10K_TO_100K));
        }
    }

    private static String met(boolean ok) {
        return ok ? "met" : "NOT met";
    }

    /**
     * Runs the correlator, before and after simulated pivot confirmation: {@code [sizes...]}, default 1000
     * 10000 100000; {@code -Dcotejo.seed=N} sets the seed; {@code -Dcotejo.baselines=true} adds the
     * yardstick {@link Baselines}. Run with -Xmx4g, as the memory target says.
     */
    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) sizes.add(Integer.parseInt(a.replace("_", "").replace(",", "")));
        if (sizes.isEmpty()) sizes = List.of(1_000, 10_000, 100_000);
        WorldSpec spec = WorldSpec.hard(Long.getLong("cotejo.seed", 1), 1);
        List<Predictor> predictors = new ArrayList<>(CorrelatorPredictor.beforeAndAfterConfirmation(
                org.cotejo.correlation.CorrelationOptions.defaults()));
        if (Boolean.getBoolean("cotejo.baselines")) {
            predictors.add(Predictor.of("truth (yardstick)", Baselines.truth()));
            predictors.add(Predictor.of("single linkage on any matched value", Baselines.sharedMatches()));
            predictors.add(Predictor.of("single linkage on operator-level matches", Baselines.sharedOperatorMatches()));
        }
        run(predictors, spec, sizes, System.out);
    }
}
