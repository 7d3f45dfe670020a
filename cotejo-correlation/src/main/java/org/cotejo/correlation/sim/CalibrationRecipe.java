package org.cotejo.correlation.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.correlation.lr.Calibration;
import org.cotejo.correlation.lr.CalibrationJson;
import org.cotejo.correlation.lr.Calibrator;

/**
 * How the shipped calibration ({@link Calibration#shipped()}) is made: {@value #WORLDS} hard worlds of
 * {@value #DEVICES} phones, seeds {@value #FIRST_SEED} onwards, each counted by the {@link Calibrator}
 * with the default options, pooled. Small worlds, so that the test that regenerates the calibration and
 * compares it with the shipped file runs in seconds; the provenance in the file says all of this.
 *
 * <p>Regenerate after changing the simulator or the reasoning: {@code main} writes the file, by default
 * into this module's resources (run from the repository root).
 */
public final class CalibrationRecipe {
    public static final long FIRST_SEED = 2_024;
    public static final int WORLDS = 4;
    public static final int DEVICES = 1_500;
    public static final String NAME = "simulated hard worlds (cotejo simulator)";
    public static final Path DEFAULT_FILE = Path.of("cotejo-correlation/src/main/resources/org/cotejo/correlation/lr/calibration.json");

    private CalibrationRecipe() {}

    public static WorldSpec spec() {
        return WorldSpec.hard(FIRST_SEED, DEVICES);
    }

    public static Calibration produce() {
        Calibrator calibrator = Calibrator.defaults();
        CalibrationRun.Calibrated<List<Calibrator.Counts>> counted = CalibrationRun.run(spec(), WORLDS, worlds -> {
            List<Calibrator.Counts> out = new ArrayList<>();
            for (CalibrationRun.CalibrationWorld w : worlds) out.add(calibrator.count(w.devices(), w.enrichment(), w.operatorOf()));
            return out;
        });
        return calibrator.calibrate(NAME, counted.provenance().describe(), counted.calibration());
    }

    /** The file's bytes, as shipped. */
    public static byte[] bytes() {
        return CalibrationJson.toBytes(produce());
    }

    public static void write(Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.write(file, bytes());
    }

    /** Writes the calibration to {@code args[0]}, or to {@link #DEFAULT_FILE}. */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : DEFAULT_FILE;
        write(file);
        System.out.println("wrote " + file);
    }
}
