package org.cotejo.forensics.ios.netbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetusageTest {
    @TempDir Path dir;

    @Test
    void readsEveryNetusageDatabaseOfTheDump() throws Exception {
        DatausageTest.typical(dir.resolve("private/var/networkd/netusage.sqlite"), true);
        DatausageTest.typical(dir.resolve("private/var/networkd/db/netusage.sqlite"), false);
        var result = ModuleHarness.run(ModuleHarness.fsDump(dir), "Netusage");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("netusage")).hasSize(12);
        assertThat(result.of("netusage")).extracting(r -> r.provenance().file()).containsOnly(
                "private/var/networkd/netusage.sqlite", "private/var/networkd/db/netusage.sqlite");
    }

    @Test
    void isAFilesystemOnlyModule() {
        assertThat(new Netusage().kinds()).containsExactly(org.cotejo.forensics.evidence.EvidenceKind.IOS_FS);
    }

    @Test
    void leavesMvtPlaceholderRowsOutOfObservablesAndFirstUse() {
        Fields missing = Fields.of(new java.util.LinkedHashMap<>(Map.of("proc_name", "MISSING [follows bh]", "proc_id", 3,
                "live_proc_id", 3, "first_isodate", "2020-01-06 10:40:00.000000", "isodate", "2020-01-06 10:40:00.000000",
                "live_isodate", "2020-01-06 10:40:00.000000")));
        Record r = Records.of(new Netusage(), missing, new Provenance("netusage.json", null, "0".repeat(64), "[3]"));

        assertThat(r.observables()).isEmpty();
        assertThat(r.timeline()).extracting(e -> e.event()).containsExactly("live_usage");
    }
}
