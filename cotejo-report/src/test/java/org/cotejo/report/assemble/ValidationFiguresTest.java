package org.cotejo.report.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The error rates a report states can never go stale: they are what the benchmark measures on the recipe's worlds today. */
class ValidationFiguresTest {
    @Test
    void theShippedFiguresAreWhatTheBenchmarkMeasuresNow() throws IOException {
        byte[] shipped;
        try (InputStream in = ValidationFigures.class.getResourceAsStream(ValidationFigures.RESOURCE)) {
            assertThat(in).as("resource %s", ValidationFigures.RESOURCE).isNotNull();
            shipped = in.readAllBytes();
        }
        assertThat(new String(shipped, StandardCharsets.UTF_8))
                .as("the shipped validation figures are stale: regenerate them with"
                        + " java -cp ... org.cotejo.report.assemble.ValidationFigures (from the repository root)")
                .isEqualTo(new String(ValidationFigures.bytes(ValidationFigures.produce()), StandardCharsets.UTF_8));
    }

    @Test
    void theFiguresSayHowTheyWereMeasuredAndCoverBothConditions() {
        var v = ValidationFigures.shipped();
        assertThat(v.provenance()).contains("seeds " + ValidationFigures.FIRST_SEED).contains("1,000 phones");
        assertThat(v.rows()).extracting(r -> r.condition()).containsExactly("unconfirmed", "confirmed");
        assertThat(v.rows()).allSatisfy(r -> assertThat(r.falseStrongRate()).isLessThanOrEqualTo(0.01));
    }
}
