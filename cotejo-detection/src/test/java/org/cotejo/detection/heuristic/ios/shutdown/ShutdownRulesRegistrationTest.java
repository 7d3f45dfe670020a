package org.cotejo.detection.heuristic.ios.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.cotejo.detection.heuristic.Heuristic;
import org.junit.jupiter.api.Test;

class ShutdownRulesRegistrationTest {
    @Test
    void theThreeShutdownRulesAreFoundByTheServiceLoaderAndReadShutdownLogRecords() {
        List<Heuristic> found = new ArrayList<>();
        ServiceLoader.load(Heuristic.class).forEach(found::add);

        assertThat(found).filteredOn(h -> h.id().startsWith("shutdown."))
                .extracting(Heuristic::id)
                .containsExactlyInAnyOrder("shutdown.suspicious-path", "shutdown.unusual-delayer", "shutdown.recurring-delayer");
        assertThat(found).filteredOn(h -> h.id().startsWith("shutdown."))
                .allSatisfy(h -> assertThat(h.modules()).containsExactly("shutdown_log"));
    }
}
