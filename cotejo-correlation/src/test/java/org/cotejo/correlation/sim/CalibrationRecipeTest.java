package org.cotejo.correlation.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.lr.Calibration;
import org.cotejo.correlation.lr.FeatureKind;
import org.junit.jupiter.api.Test;

/** The shipped calibration can never go stale: it is exactly what its recipe produces from the simulator today. */
class CalibrationRecipeTest {
    @Test
    void theShippedCalibrationIsWhatTheRecipeProducesNow() throws IOException {
        byte[] shipped;
        try (InputStream in = Calibration.class.getResourceAsStream(Calibration.SHIPPED_RESOURCE)) {
            assertThat(in).as("resource %s", Calibration.SHIPPED_RESOURCE).isNotNull();
            shipped = in.readAllBytes();
        }
        assertThat(new String(shipped, StandardCharsets.UTF_8))
                .as("the shipped calibration is stale: regenerate it with"
                        + " java -cp ... org.cotejo.correlation.sim.CalibrationRecipe (from the repository root)")
                .isEqualTo(new String(CalibrationRecipe.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultOptionsUseTheShippedCalibrationAndItSaysWhereItComesFrom() {
        Calibration c = CorrelationOptions.defaults().calibration();
        assertThat(c).isEqualTo(Calibration.shipped());
        assertThat(c.provenance()).contains("simulated worlds").contains("seeds " + CalibrationRecipe.FIRST_SEED + "-")
                .contains(String.format(java.util.Locale.ROOT, "%,d devices each", CalibrationRecipe.DEVICES));
        // What the simulated worlds teach: operator infrastructure separates operators, hosting networks barely.
        assertThat(c.lr(FeatureKind.SHARED_DOMAIN)).isGreaterThan(1_000);
        assertThat(c.lr(FeatureKind.SAME_PREFIX)).isLessThan(100);
        assertThat(c.lr(FeatureKind.SAME_TOOL)).isEqualTo(1);
    }
}
