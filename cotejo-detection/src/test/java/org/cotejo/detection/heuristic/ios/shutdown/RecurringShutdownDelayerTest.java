package org.cotejo.detection.heuristic.ios.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.detection.heuristic.ios.shutdown.ShutdownRecords.PEGASUS;
import static org.cotejo.detection.heuristic.ios.shutdown.ShutdownRecords.client;
import static org.cotejo.detection.heuristic.ios.shutdown.ShutdownRecords.run;

import java.time.Instant;
import org.cotejo.detection.Level;
import org.junit.jupiter.api.Test;

class RecurringShutdownDelayerTest {
    private final RecurringShutdownDelayer rule = new RecurringShutdownDelayer();

    @Test
    void summarisesANonSystemProcessThatDelayedSeveralRebootsWithItsFirstAndLastTime() {
        var alerts = run(rule,
                client("2021-06-20 08:00:00.000000", 800L, PEGASUS, 1.0, 1, 40),
                client("2021-06-14 12:00:00.000000", 4242L, PEGASUS, 1.55, 2, 7),
                client("2021-06-15 12:00:00.000000", 4300L, PEGASUS, 0.5, 1, 11),
                client("2021-06-15 12:00:00.000000", 4300L, PEGASUS, 0.5, 1, 11));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.LOW);
            assertThat(a.heuristic()).isEqualTo("shutdown.recurring-delayer");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2021-06-14T12:00:00Z"));
            assertThat(a.message()).contains(PEGASUS).contains("delayed 3 reboots")
                    .contains("from the shutdown of 2021-06-14 12:00:00.000000 to that of 2021-06-20 08:00:00.000000");
            assertThat(a.record().provenance().locator()).isEqualTo("line 40");
        });
    }

    @Test
    void saysNothingForOneRebootOrForSystemDaemonsThatDelayEveryTime() {
        var alerts = run(rule,
                client("2021-06-14 12:00:00.000000", 5L, "/private/var/mobile/tool", 1.0, 1, 3),
                client("2021-06-14 12:00:00.000000", 101L, "/usr/libexec/searchd", 1.0, 1, 7),
                client("2021-06-15 12:00:00.000000", 101L, "/usr/libexec/searchd", 1.0, 1, 11),
                client("2021-06-16 12:00:00.000000", 101L, "/usr/libexec/searchd", 1.0, 1, 15));

        assertThat(alerts).isEmpty();
    }

    @Test
    void countsOnlyShutdownsTheProcessDelayed() {
        var alerts = run(rule,
                client("2021-06-14 12:00:00.000000", 5L, "/private/var/mobile/tool", 0.0, 0, 3),
                client("2021-06-15 12:00:00.000000", 6L, "/private/var/mobile/tool", 1.0, 1, 9));

        assertThat(alerts).isEmpty();
    }
}
