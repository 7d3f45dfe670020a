package org.cotejo.detection.heuristic.ios.netbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.detection.heuristic.ios.netbase.NetBaseRecords.DB;
import static org.cotejo.detection.heuristic.ios.netbase.NetBaseRecords.process;
import static org.cotejo.detection.heuristic.ios.netbase.NetBaseRecords.row;

import java.time.Instant;
import java.util.List;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;

class MissingProcessTest {
    private static final HeuristicContext CONTEXT = new HeuristicContext(null, ModuleOptions.DEFAULT, false);

    @Test
    void raisesOneAlertPerGapNamingTheProcessBefore() {
        Record bh = process(2, "bh", null, "2021-01-02 00:00:00.000000");
        Record four = process(4, "four", null, "2021-01-04 00:00:00.000000");
        List<Alert> alerts = NetBaseRecords.run(new MissingProcess(), CONTEXT,
                process(8, "eight", null, "2021-01-08 00:00:00.000000"),
                process(1, "one", null, "2021-01-01 00:00:00.000000"), bh, four,
                process(7, "seven", null, "2021-01-07 00:00:00.000000"),
                // A second live row of a process adds no id.
                row(DB, 2L, "bh", null, 300, 2L, "2021-01-02 00:00:00.000000", "2021-02-01 00:00:00.000000"));

        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0)).satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.LOW);
            assertThat(a.heuristic()).isEqualTo("netbase.missing-process");
            assertThat(a.record().provenance()).isEqualTo(bh.provenance());
            assertThat(a.record().fields().string("proc_name")).isEqualTo(bh.fields().string("proc_name"));
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2021-01-02T00:00:00Z"));
            assertThat(a.message()).startsWith("Process 3 is missing from " + DB).contains("bh (id 2)", "2021-01-02 00:00:00.000000");
        });
        assertThat(alerts.get(1).record().provenance()).isEqualTo(four.provenance());
        assertThat(alerts.get(1).message()).startsWith("Processes 5 to 6 (2) are missing");
    }

    @Test
    void ignoresMvtPlaceholderRowsSoTheirGapIsFoundAgain() {
        Record placeholder = row(DB, 2L, "MISSING [follows one]", null, 0, 2L, "2021-01-01 00:00:00.000000", "2021-01-01 00:00:00.000000");
        assertThat(NetBaseRecords.run(new MissingProcess(), CONTEXT,
                process(1, "one", null, "2021-01-01 00:00:00.000000"), placeholder,
                process(3, "three", null, "2021-01-03 00:00:00.000000"))).hasSize(1);
    }

    @Test
    void staysQuietForAnUnbrokenSequenceAndAcrossDatabases() {
        assertThat(NetBaseRecords.run(new MissingProcess(), CONTEXT,
                process(1, "one", null, "2021-01-01 00:00:00.000000"),
                process(2, "two", null, "2021-01-02 00:00:00.000000"),
                row("private/var/networkd/netusage.sqlite", 9L, "nine", null, 1, 9L, null, null),
                // Rows whose process was deleted carry no process id of their own.
                row(DB, null, null, null, 50, 40L, null, "2021-01-05 00:00:00.000000"))).isEmpty();
    }
}
