package org.cotejo.detection.heuristic.ios.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.detection.heuristic.ios.shutdown.ShutdownRecords.PEGASUS;
import static org.cotejo.detection.heuristic.ios.shutdown.ShutdownRecords.client;
import static org.cotejo.detection.heuristic.ios.shutdown.ShutdownRecords.run;

import java.time.Instant;
import org.cotejo.detection.Level;
import org.junit.jupiter.api.Test;

class UnusualShutdownDelayerTest {
    private final UnusualShutdownDelayer rule = new UnusualShutdownDelayer();

    @Test
    void flagsADelayerRunningFromOutsideTheSystemAndAppFolders() {
        var alerts = run(rule, client("2021-06-15 12:00:00.000000", 555L, "/private/var/mobile/Library/Caches/updated", 2.5, 2, 11));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.heuristic()).isEqualTo("shutdown.unusual-delayer");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2021-06-15T12:00:00Z"));
            assertThat(a.message()).contains("/private/var/mobile/Library/Caches/updated").contains("PID 555")
                    .contains("by 2.50 s").contains("line 11");
        });
    }

    @Test
    void leavesSystemDaemonsAppsAndCryptexesThatDelayAlone() {
        var alerts = run(rule,
                client("2021-06-15 12:00:00.000000", 101L, "/usr/libexec/searchd", 4.0, 3, 7),
                client("2021-06-15 12:00:00.000000", 102L, "/Applications/MobileSafari.app/MobileSafari", 1.0, 1, 7),
                client("2021-06-15 12:00:00.000000", 103L, "/var/containers/Bundle/Application/ABC/Foo.app/Foo", 1.0, 1, 7),
                client("2021-06-15 12:00:00.000000", 104L, "/private/preboot/Cryptexes/OS/System/Library/x", 1.0, 1, 7));

        assertThat(alerts).isEmpty();
    }

    @Test
    void leavesProcessesThatDidNotDelayAndThoseTheSuspiciousPathRuleFlags() {
        var alerts = run(rule,
                client("2021-06-15 12:00:00.000000", 7L, "/private/var/mobile/tool", 0.0, 0, 2),
                client("2021-06-15 12:00:00.000000", 4242L, PEGASUS, 1.55, 2, 7));

        assertThat(alerts).isEmpty();
    }

    @Test
    void doesNotTakeAPathThatClimbsOutOfASystemFolderForASystemDaemon() {
        var alerts = run(rule, client("2021-06-15 12:00:00.000000", 9L, "/usr/../private/var/mobile/x", 1.0, 1, 2));

        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.message()).contains("/usr/../private/var/mobile/x"));
    }
}
