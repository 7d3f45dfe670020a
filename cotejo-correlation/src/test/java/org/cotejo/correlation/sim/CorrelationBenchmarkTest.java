package org.cotejo.correlation.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationBenchmarkTest {
    static final WorldSpec SPEC = WorldSpec.hard(3, 1);

    private static List<CorrelationBenchmark.Row> run(String name, java.util.function.Function<World, Prediction> p, StringBuilder text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<CorrelationBenchmark.Row> rows = CorrelationBenchmark.run(name, p, SPEC, List.of(400),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        text.append(bytes.toString(StandardCharsets.UTF_8));
        return rows;
    }

    @Test
    void theTruthMeetsEveryQualityTarget() {
        StringBuilder text = new StringBuilder();
        QualityReport q = run("truth", Baselines.truth(), text).get(0).quality();
        assertThat(q.adjustedRandIndex()).isEqualTo(1.0);
        assertThat(q.pivotRecall()).isEqualTo(1.0);
        assertThat(q.differentOperatorClustered()).isZero();
        assertThat(text).contains("ARI 1.000 (target >= 0.95: met)").doesNotContain("NOT met");
    }

    @Test
    void linkingOnToolTracesMergesOperatorsAndTheBenchmarkSaysSo() {
        StringBuilder text = new StringBuilder();
        QualityReport naive = run("any match", Baselines.sharedMatches(), text).get(0).quality();
        QualityReport operatorOnly = run("operator matches", Baselines.sharedOperatorMatches(), text).get(0).quality();
        // Every target of a vendor shares its published implant traces: single linkage on them joins operators.
        assertThat(naive.differentOperatorClustered()).isPositive();
        assertThat(naive.adjustedRandIndex()).isLessThan(0.95);
        assertThat(text).contains("NOT met");
        // Operator-level values never cross operators in this world, but unpublished ones are missed.
        assertThat(operatorOnly.differentOperatorClustered()).isZero();
        assertThat(operatorOnly.pairPrecision()).isEqualTo(1.0);
        assertThat(operatorOnly.pairRecall()).isLessThan(1.0);
    }

    @Test
    void theCorrelatorMeetsTheQualityTargetsOnceASimulatedAnalystConfirmsItsPivots() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<CorrelationBenchmark.Row> rows = CorrelationBenchmark.run(
                CorrelatorPredictor.beforeAndAfterConfirmation(org.cotejo.correlation.CorrelationOptions.defaults()),
                WorldSpec.hard(1, 1), List.of(2_000), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        QualityReport before = rows.get(0).quality(), after = rows.get(1).quality();

        assertThat(after.adjustedRandIndex()).isGreaterThanOrEqualTo(0.95).isGreaterThan(before.adjustedRandIndex());
        assertThat(before.pairPrecision()).isEqualTo(1.0);
        assertThat(after.differentOperatorClustered()).isZero();
        assertThat(after.nonTargetsClustered()).isZero();
        assertThat(rows.get(1).sampled().pairs()).isPositive();
        assertThat(rows.get(1).sampled().rate()).isLessThanOrEqualTo(0.01);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("[2] cotejo correlator, pivots confirmed by a simulated analyst");
    }
}
