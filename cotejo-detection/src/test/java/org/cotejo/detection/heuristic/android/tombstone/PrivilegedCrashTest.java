package org.cotejo.detection.heuristic.android.tombstone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.android.tombstone.Tombstones;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;

class PrivilegedCrashTest {

    @Test
    void isFoundByTheServiceLoader() {
        List<String> ids = new ArrayList<>();
        java.util.ServiceLoader.load(Heuristic.class).forEach(h -> ids.add(h.id()));
        assertThat(ids).contains("android.tombstone.privileged-crash");
    }

    @Test
    void flagsTheCrashOfAProcessRunningAsRootSystemOrShellAtItsTrueInstant() {
        List<Alert> alerts = run(crash("adbd", 2000), crash("surfaceflinger", 1000), crash("init", 0));

        assertThat(alerts).hasSize(3).allSatisfy(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.heuristic()).isEqualTo("android.tombstone.privileged-crash");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2021-09-29T15:43:49Z"));
        });
        assertThat(alerts.get(0).message()).isEqualTo("Potentially suspicious crash in process 'adbd' running as UID '2000' (shell)"
                + " in tombstone 'FS/data/tombstones/tombstone_00' at 2021-09-29 17:43:49+0200: exploits often crash the privileged"
                + " processes they target, so check what ran before it (FS/data/tombstones/tombstone_00)");
        assertThat(alerts.get(1).message()).contains("(system)");
        assertThat(alerts.get(2).message()).contains("(root)");
    }

    @Test
    void saysNothingOfAppOrMediaProcessesOrACrashWithoutUid() {
        assertThat(run(crash("com.example.app", 10123), crash("media.codec", 1046), crash("unknown", null))).isEmpty();
    }

    @Test
    void fallsBackToMvtsWallClockForARecordReadBackFromMvt() {
        Fields mvt = Fields.builder().put("file_name", "tombstone_00").put("timestamp", "2021-09-29 17:43:49.000000")
                .put("process_name", "adbd").put("uid", 2000).build();

        List<Alert> alerts = run(Records.of(new Tombstones(), mvt, new Provenance("tombstones.json", null, "d".repeat(64), "[0]")));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2021-09-29T17:43:49Z"));
            assertThat(a.message()).contains("at 2021-09-29 17:43:49.000000");
        });
    }

    private static Record crash(String process, Integer uid) {
        Fields f = Fields.builder().put("file_name", "FS/data/tombstones/tombstone_00").put("timestamp", "2021-09-29 17:43:49.000000")
                .put("timestamp_raw", "2021-09-29 17:43:49+0200").put("process_name", process).put("uid", uid).build();
        return Records.of(new Tombstones(), f, new Provenance("FS/data/tombstones/tombstone_00", null, "c".repeat(64), ""));
    }

    private static List<Alert> run(Record... records) {
        List<Alert> out = new ArrayList<>();
        Heuristic.Session s = new PrivilegedCrash().start(new HeuristicContext(null, ModuleOptions.DEFAULT, false));
        for (Record r : records) s.inspect(r, out::add);
        s.finish(out::add);
        return out;
    }
}
