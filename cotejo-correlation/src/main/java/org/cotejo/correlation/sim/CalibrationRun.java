package org.cotejo.correlation.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.cotejo.correlation.enrich.Enrichment;
import org.cotejo.correlation.model.DeviceEvidence;

/**
 * Calibrates the reasoning's parameters on simulated worlds: generates {@code k} worlds from one spec with
 * seeds {@code seed, seed + 1, …, seed + k − 1}, hands their evidence, enrichment and true operators to a
 * calibrator the caller supplies, and returns its result with the provenance every report must carry
 * (issue 6: "the calibration is reported with every result").
 */
public final class CalibrationRun {
    private CalibrationRun() {}

    /**
     * One world as a calibrator sees it.
     *
     * @param seed       the world's seed
     * @param devices    its extractions' evidence
     * @param enrichment its enrichment facts
     * @param operatorOf device id → true operator, "" for phones no operator targeted; sorted by device id
     */
    public record CalibrationWorld(long seed, List<DeviceEvidence> devices, Enrichment enrichment, Map<String, String> operatorOf) {
        public CalibrationWorld {
            devices = List.copyOf(devices);
            operatorOf = java.util.Collections.unmodifiableMap(new TreeMap<>(operatorOf));
        }
    }

    /**
     * Where a calibration comes from, to be printed beside every result it is used for.
     *
     * @param generator the simulator and its version
     * @param spec      the world parameters (its seed is the first world's)
     * @param seeds     the seeds of the worlds, in order
     */
    public record Provenance(String generator, WorldSpec spec, List<Long> seeds) {
        public Provenance {
            Objects.requireNonNull(generator, "generator");
            seeds = List.copyOf(seeds);
        }

        /** One line: "calibrated on 5 simulated worlds (cotejo simulator 1; seeds 1-5; 2,000 devices, ...)". */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "calibrated on %d simulated world%s (%s; seeds %s; %,d devices each,"
                            + " %d operators per vendor, countries %s, %.0f %% targeted, %.0f %% exposure only, feed coverage %.0f %%)",
                    seeds.size(), seeds.size() == 1 ? "" : "s", generator,
                    seeds.size() == 1 ? seeds.get(0).toString() : seeds.get(0) + "-" + seeds.get(seeds.size() - 1),
                    spec.devices(), spec.operatorsPerVendor(), String.join(" ", spec.countries()), 100 * spec.targetedShare(),
                    100 * spec.exposureShare(), 100 * spec.feedCoverage());
        }
    }

    /** A calibrator's result with its provenance. */
    public record Calibrated<C>(C calibration, Provenance provenance) {}

    /** The simulator's name and version as calibrations cite it; bumped when generation changes. */
    public static final String GENERATOR = "cotejo simulator 1";

    public static <C> Calibrated<C> run(WorldSpec spec, int worlds, Function<List<CalibrationWorld>, C> calibrator) {
        if (worlds < 1) throw new IllegalArgumentException("need at least one world, got " + worlds);
        List<CalibrationWorld> in = new ArrayList<>(worlds);
        List<Long> seeds = new ArrayList<>(worlds);
        for (int i = 0; i < worlds; i++) {
            long seed = spec.seed() + i;
            World w = WorldGenerator.generate(spec.withSeed(seed));
            Map<String, String> operatorOf = new TreeMap<>();
            w.truth().devices().forEach(d -> operatorOf.put(d.deviceId(), d.operator()));
            in.add(new CalibrationWorld(seed, w.devices(), w.enrichment(), operatorOf));
            seeds.add(seed);
        }
        return new Calibrated<>(calibrator.apply(in), new Provenance(GENERATOR, spec, seeds));
    }
}
