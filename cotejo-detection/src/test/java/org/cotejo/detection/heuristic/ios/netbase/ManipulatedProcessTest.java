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

class ManipulatedProcessTest {
    private static final HeuristicContext CONTEXT = new HeuristicContext(null, ModuleOptions.DEFAULT, false);

    @Test
    void raisesOneAlertPerDeletedProcessListingItsRows() {
        Record later = row(DB, null, null, null, 21, 3L, null, "2021-03-02 10:00:00.000000");
        Record earlier = row(DB, null, null, null, 20, 3L, null, "2021-03-01 09:00:00.000000");
        Record other = row(DB, null, null, null, 30, 5L, null, "2021-04-01 00:00:00.000000");
        List<Alert> alerts = NetBaseRecords.run(new ManipulatedProcess(), CONTEXT,
                process(1, "MobileSafari", "com.apple.mobilesafari", "2021-01-01 00:00:00.000000"), later, earlier, other);

        assertThat(alerts).hasSize(2);
        Alert first = alerts.get(0);
        assertThat(first.level()).isEqualTo(Level.HIGH);
        assertThat(first.heuristic()).isEqualTo("netbase.manipulated-process");
        assertThat(first.record()).isSameAs(earlier);
        assertThat(first.eventTime()).isEqualTo(Instant.parse("2021-03-01T09:00:00Z"));
        assertThat(first.message()).contains("Process 3 was deleted from " + DB, "2 usage rows",
                "ZLIVEUSAGE 20 at 2021-03-01 09:00:00.000000, 21 at 2021-03-02 10:00:00.000000");
        assertThat(alerts.get(1).message()).contains("Process 5", "1 usage row ");
    }

    @Test
    void keepsTheRowsOfTwoDatabasesApart() {
        String netusage = "private/var/networkd/netusage.sqlite";
        List<Alert> alerts = NetBaseRecords.run(new ManipulatedProcess(), CONTEXT,
                row(DB, null, null, null, 20, 3L, null, "2021-03-01 09:00:00.000000"),
                row(netusage, null, null, null, 20, 3L, null, "2021-03-01 09:00:00.000000"));

        assertThat(alerts).hasSize(2);
    }

    @Test
    void staysQuietWhenEveryRowHasItsProcess() {
        assertThat(NetBaseRecords.run(new ManipulatedProcess(), CONTEXT,
                process(1, "MobileSafari", "com.apple.mobilesafari", "2021-01-01 00:00:00.000000"),
                process(2, "bh", null, "2021-01-02 00:00:00.000000"))).isEmpty();
    }
}
