package org.cotejo.cli.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.lr.Calibration;
import org.cotejo.correlation.sim.Baselines;
import org.cotejo.correlation.sim.CalibrationRecipe;
import org.cotejo.correlation.sim.CorrelationBenchmark;
import org.cotejo.correlation.sim.CorrelatorPredictor;
import org.cotejo.correlation.sim.WorldSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `cotejo bench correlation`: simulate, correlate, and judge against the truth. */
@Command(name = "correlation",
        header = "Benchmark correlation on simulated hard worlds: quality against the truth, time and heap.",
        description = {
            "Generates the default hard world (two vendors, five operators each, one of each vendor in no feed, six",
            "countries, noise) at each size and correlates it twice: as is, and after a simulated analyst confirms the",
            "proposed pivots that the truth says are operator infrastructure. Prints pairwise precision and recall of",
            "'same source', B-cubed F1, adjusted Rand index, pivot recall, the rate of 'strong support or above' for a",
            "sample of different-operator pairs, time and peak heap, with the issue's targets beside them. Run the JVM",
            "with a 4 GiB heap for 100,000 devices (JAVA_OPTS=-Xmx4g with ./cotejo). --write-calibration regenerates",
            "the shipped calibration from its recipe (seeded simulated worlds) instead."},
        footer = {"", "Examples:",
            "  ./cotejo bench correlation --sizes 1000,10000",
            "  java -Xmx4g -jar cotejo-cli/target/cotejo.jar bench correlation",
            "  ./cotejo bench correlation --write-calibration calibration.json"},
        mixinStandardHelpOptions = true)
final class CorrelationBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N", description = "World sizes in devices (default 1000,10000,100000).")
    List<Integer> sizes = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "World seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--priors", description = "Use the default priors instead of the shipped simulated-world calibration.")
    boolean priors;

    @Option(names = "--baselines", description = "Also judge the yardsticks: the truth, and single linkage on shared matches.")
    boolean baselines;

    @Option(names = "--write-calibration", paramLabel = "FILE", description = "Regenerate the calibration from its recipe into FILE and stop.")
    Path writeCalibration;

    @Override
    public Integer call() throws Exception {
        var w = spec.commandLine().getOut();
        if (writeCalibration != null) {
            CalibrationRecipe.write(writeCalibration);
            w.println("wrote " + writeCalibration + " (" + CalibrationRecipe.NAME + ", " + CalibrationRecipe.WORLDS + " worlds of "
                    + CalibrationRecipe.DEVICES + " phones from seed " + CalibrationRecipe.FIRST_SEED + ")");
            w.flush();
            return 0;
        }
        CorrelationOptions options = CorrelationOptions.defaults();
        if (priors) options = options.withCalibration(Calibration.defaultPriors());
        List<CorrelationBenchmark.Predictor> predictors = new ArrayList<>(CorrelatorPredictor.beforeAndAfterConfirmation(options));
        if (baselines) {
            predictors.add(CorrelationBenchmark.Predictor.of("truth (yardstick)", Baselines.truth()));
            predictors.add(CorrelationBenchmark.Predictor.of("single linkage on any matched value", Baselines.sharedMatches()));
            predictors.add(CorrelationBenchmark.Predictor.of("single linkage on operator-level matches", Baselines.sharedOperatorMatches()));
        }
        List<Integer> n = sizes.isEmpty() ? List.of(1_000, 10_000, 100_000) : sizes;
        w.flush();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        CorrelationBenchmark.run(predictors, WorldSpec.hard(seed, 1), n, out);
        out.flush();
        return 0;
    }
}
