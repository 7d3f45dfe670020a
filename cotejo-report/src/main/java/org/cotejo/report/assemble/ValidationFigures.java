package org.cotejo.report.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.sim.CorrelationBenchmark;
import org.cotejo.correlation.sim.CorrelatorPredictor;
import org.cotejo.correlation.sim.WorldSpec;
import org.cotejo.report.model.Method;

/**
 * The measured error rates a report states in its method section: the correlation benchmark run on
 * {@value #WORLDS} seeded hard worlds of {@value #DEVICES} phones (seeds {@value #FIRST_SEED} onwards), with
 * the shipped calibration and default options, before and after pivots are confirmed by a simulated analyst.
 * The shipped file ({@value #RESOURCE}) is what {@link #produce} gives today; {@code ValidationFiguresTest}
 * fails when it goes stale, and {@link #main} rewrites it.
 */
public final class ValidationFigures {
    public static final String RESOURCE = "/org/cotejo/report/assemble/validation.json";
    public static final Path DEFAULT_FILE = Path.of("cotejo-report/src/main/resources/org/cotejo/report/assemble/validation.json");
    public static final long FIRST_SEED = 7_001;
    public static final int WORLDS = 2;
    public static final int DEVICES = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ValidationFigures() {}

    /** The shipped figures. */
    public static Method.Validation shipped() {
        try (InputStream in = ValidationFigures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the benchmark on the recipe's worlds (about ten seconds) and pools the figures per condition. */
    public static Method.Validation produce() {
        List<CorrelationBenchmark.Predictor> predictors = CorrelatorPredictor.beforeAndAfterConfirmation(CorrelationOptions.defaults());
        List<CorrelationBenchmark.Row> rows = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (int k = 0; k < WORLDS; k++) {
            rows.addAll(CorrelationBenchmark.run(predictors, WorldSpec.hard(FIRST_SEED + k, DEVICES), List.of(DEVICES), quiet));
        }
        List<Method.ValidationRow> out = new ArrayList<>();
        String[] conditions = {"unconfirmed", "confirmed"};
        for (int p = 0; p < predictors.size(); p++) {
            String name = predictors.get(p).name();
            List<CorrelationBenchmark.Row> mine = rows.stream().filter(r -> r.predictor().equals(name)).toList();
            double ari = mine.stream().mapToDouble(r -> r.quality().adjustedRandIndex()).average().orElse(0);
            double precision = mine.stream().mapToDouble(r -> r.quality().pairPrecision()).average().orElse(0);
            double recall = mine.stream().mapToDouble(r -> r.quality().pairRecall()).average().orElse(0);
            long pairs = mine.stream().mapToLong(r -> r.sampled() == null ? 0 : r.sampled().pairs()).sum();
            long strong = mine.stream().mapToLong(r -> r.sampled() == null ? 0 : r.sampled().strong()).sum();
            out.add(new Method.ValidationRow(DEVICES, conditions[p], round(ari), round(precision), round(recall),
                    pairs == 0 ? 0 : round((double) strong / pairs)));
        }
        String provenance = String.format(Locale.ROOT, "correlation benchmark (cotejo simulator) on %d hard worlds of %,d phones, seeds %d-%d,"
                        + " shipped calibration and default options; figures are means over the worlds, the false-strong rate pooled over"
                        + " samples of up to 20,000 pairs of detected targets of different operators of one tool; reproduce with"
                        + " org.cotejo.report.assemble.ValidationFigures", WORLDS, DEVICES, FIRST_SEED, FIRST_SEED + WORLDS - 1);
        return new Method.Validation(provenance, out);
    }

    /** Four decimals: stable text, and finer than a thousand-phone world can measure. */
    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    public static byte[] bytes(Method.Validation v) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"format\": \"cotejo-validation\",\n  \"version\": 1,\n");
        b.append("  \"provenance\": ").append(quote(v.provenance())).append(",\n  \"rows\": [");
        for (int i = 0; i < v.rows().size(); i++) {
            Method.ValidationRow r = v.rows().get(i);
            b.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT, "    {\"devices\": %d, \"condition\": %s, \"adjusted_rand_index\": %.4f,"
                            + " \"precision\": %.4f, \"recall\": %.4f, \"false_strong_rate\": %.4f}", r.devices(), quote(r.condition()),
                    r.adjustedRandIndex(), r.precision(), r.recall(), r.falseStrongRate()));
        }
        b.append("\n  ]\n}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Method.Validation parse(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        List<Method.ValidationRow> rows = new ArrayList<>();
        for (JsonNode r : root.path("rows")) {
            rows.add(new Method.ValidationRow(r.path("devices").asInt(), r.path("condition").asText(), r.path("adjusted_rand_index").asDouble(),
                    r.path("precision").asDouble(), r.path("recall").asDouble(), r.path("false_strong_rate").asDouble()));
        }
        return new Method.Validation(root.path("provenance").asText(), rows);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the figures to {@code args[0]}, or to {@link #DEFAULT_FILE} (run from the repository root). */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : DEFAULT_FILE;
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.write(file, bytes(produce()));
        System.out.println("wrote " + file);
        System.out.print(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }
}
