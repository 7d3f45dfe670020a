package org.cotejo.correlation.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationRunTest {
    @Test
    void handsEachSeedsWorldToTheCalibratorAndRecordsTheSeeds() {
        WorldSpec spec = WorldSpec.hard(100, 300);
        CalibrationRun.Calibrated<List<Long>> result = CalibrationRun.run(spec, 3, worlds -> {
            worlds.forEach(w -> {
                assertThat(w.operatorOf()).hasSize(300);
                assertThat(w.devices()).allMatch(d -> w.operatorOf().containsKey(d.device().id()));
                assertThat(w.enrichment().sources()).hasSize(4);
            });
            return worlds.stream().map(CalibrationRun.CalibrationWorld::seed).toList();
        });
        assertThat(result.calibration()).containsExactly(100L, 101L, 102L);
        assertThat(result.provenance().seeds()).containsExactly(100L, 101L, 102L);
        assertThat(result.provenance().describe()).contains("3 simulated worlds").contains("seeds 100-102").contains("300 devices each");
    }

    @Test
    void theWorldsAreTheOnesTheirSeedsGenerate() {
        WorldSpec spec = WorldSpec.hard(5, 200);
        CalibrationRun.Calibrated<Integer> r = CalibrationRun.run(spec, 2, worlds -> {
            assertThat(worlds.get(1).devices()).isEqualTo(WorldGenerator.generate(spec.withSeed(6)).devices());
            return worlds.size();
        });
        assertThat(r.calibration()).isEqualTo(2);
    }
}
