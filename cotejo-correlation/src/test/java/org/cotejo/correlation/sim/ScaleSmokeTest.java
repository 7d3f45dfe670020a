package org.cotejo.correlation.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A 100,000-phone world is generated in memory in seconds. Kept out of the default suite (it needs a
 * larger heap than the suite's 1 GiB and takes its time on shared machines): run it with
 * {@code -Dcotejo.slow=true -DargLine=-Xmx3g -Dtest=ScaleSmokeTest}, or use {@link CorrelationBenchmark}.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "cotejo.slow", matches = "true")
class ScaleSmokeTest {
    @Test
    void generatesAHundredThousandPhonesWithAboutFiftyValuesEach() {
        long t0 = System.nanoTime();
        World w = WorldGenerator.generate(WorldSpec.hard(1, 100_000));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long sightings = w.devices().stream().mapToLong(d -> d.sightings().size()).sum();
        System.out.printf("100,000 phones: %.1f s, %d extractions, %d sightings%n", seconds, w.devices().size(), sightings);
        assertThat(w.truth().devices()).hasSize(100_000);
        assertThat((double) sightings / w.devices().size()).isBetween(40.0, 60.0);
        assertThat(seconds).isLessThan(60);
    }
}
