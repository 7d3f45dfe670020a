package org.cotejo.detection.heuristic.ios.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.detection.heuristic.ios.shutdown.ShutdownRecords.PEGASUS;
import static org.cotejo.detection.heuristic.ios.shutdown.ShutdownRecords.client;
import static org.cotejo.detection.heuristic.ios.shutdown.ShutdownRecords.run;

import java.time.Instant;
import org.cotejo.detection.Level;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.ios.shutdown.ShutdownLog;
import org.junit.jupiter.api.Test;

class SuspiciousShutdownPathTest {
    private final SuspiciousShutdownPath rule = new SuspiciousShutdownPath();

    @Test
    void flagsAPegasusProcessStillRunningAtShutdownFromPrivateVarDb() {
        var alerts = run(rule, client("2021-06-14 12:00:00.000000", 4242L, PEGASUS, 1.55, 2, 7));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.HIGH);
            assertThat(a.heuristic()).isEqualTo("shutdown.suspicious-path");
            assertThat(a.module()).isEqualTo("shutdown_log");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2021-06-14T12:00:00Z"));
            assertThat(a.message()).contains(PEGASUS).contains("PID 4242").contains("2021-06-14 12:00:00")
                    .contains("/private/var/db/").contains("shutdown.log, line 7");
        });
    }

    @Test
    void flagsTheVarTmpSpellingAndALogCutShortWithoutATime() {
        var alerts = run(rule, client("", 31L, "/var/tmp/com.apple.x/bh", 0, 0, 3));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.eventTime()).isNull();
            assertThat(a.message()).contains("an unknown time").contains("/var/tmp/");
        });
    }

    @Test
    void leavesSystemDaemonsAppsAndLookalikeFoldersAlone() {
        var alerts = run(rule,
                client("2021-06-14 12:00:00.000000", 101L, "/usr/libexec/searchd", 3.2, 3, 7),
                client("2021-06-14 12:00:00.000000", 102L, "/System/Library/PrivateFrameworks/X.framework/xd", 1, 1, 7),
                client("2021-06-14 12:00:00.000000", 103L, "/private/var/containers/Bundle/Application/ABC/Foo.app/Foo", 1, 1, 7),
                client("2021-06-14 12:00:00.000000", 104L, "/private/var/dbx/thing", 1, 1, 7));

        assertThat(alerts).isEmpty();
    }

    @Test
    void readsRecordsLoadedBackFromMvtJsonWithTextNumbers() {
        Fields fromMvt = Fields.builder().put("isodate", "2021-06-14 12:00:00.000000").put("pid", "4242")
                .put("client", PEGASUS).put("delay", "0.0").put("times_delayed", "0").build();

        var alerts = run(rule, Records.of(new ShutdownLog(), fromMvt, new Provenance("shutdown_log.json", null, "", "[3]")));

        assertThat(alerts).singleElement().extracting(a -> a.level()).isEqualTo(Level.HIGH);
    }
}
