package org.cotejo.forensics.ios.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IOSVersionHistoryTest {
    private static final String FOLDER = "private/var/db/analyticsd/";

    @TempDir Path dump;

    /** An analytics journal: a one-line JSON header, then one JSON event per line. */
    private void journal(String name, String header) throws Exception {
        Path p = dump.resolve(FOLDER + name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, header + "\n{\"message\":{\"name\":\"com.apple.event\"},\"eventTime\":1650975693}\n");
    }

    @Test
    void readsTheVersionAndUtcTimeOfEachJournalHeader() throws Exception {
        journal("Analytics-Journal-2022-04-26-142133.0001.ips.ca.synced",
                "{\"timestamp\":\"2022-04-26 14:21:33.00 +0200\",\"os_version\":\"iPhone OS 15.4.1 (19E258)\"}");
        journal("Analytics-Journal-2021-10-02-080000.0001.ips",
                "{\"bug_type\":\"211\",\"timestamp\":\"2021-10-02 08:00:00.00 -0700\",\"os_version\":\"iPhone OS 15.0 (19A346)\"}");
        journal("Analytics-Journal-2022-04-26-142133.0002.ips",
                "{\"bug_type\":\"211\",\"timestamp\":\"2022-04-26 14:21:33.50 +0200\",\"os_version\":\"iPhone OS 15.4.1 (19E258)\"}");

        List<Record> records = ModuleHarness.run(ModuleHarness.fsDump(dump), "IOSVersionHistory").of("ios_version_history");

        assertThat(records).extracting(r -> r.fields().string("isodate"), r -> r.fields().string("os_version"), r -> r.provenance().locator())
                .containsExactly(
                        tuple("2021-10-02 15:00:00.000000", "iPhone OS 15.0 (19A346)", "line 1"),
                        tuple("2022-04-26 12:21:33.500000", "iPhone OS 15.4.1 (19E258)", "line 1"));
        assertThat(records.get(0).fields().keys()).containsExactly("isodate", "os_version");
        assertThat(records.get(0).timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2021-10-02T15:00:00Z"));
            assertThat(t.event()).isEqualTo("ios_version");
            assertThat(t.description()).isEqualTo("Recorded iOS version iPhone OS 15.0 (19A346)");
        });
    }

    @Test
    void reportsJournalsWhoseHeaderIsNotJsonOrHasNoTime() throws Exception {
        journal("Analytics-Journal-a.ips", "not json at all");
        journal("Analytics-Journal-b.ips", "{\"os_version\":\"iPhone OS 15.0 (19A346)\"}");
        journal("Analytics-Journal-c.ips", "[1, 2]");

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dump), "IOSVersionHistory");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).extracting(p -> p.file()).containsExactly(
                FOLDER + "Analytics-Journal-a.ips", FOLDER + "Analytics-Journal-b.ips", FOLDER + "Analytics-Journal-c.ips");
        assertThat(result.problems().get(0).message()).contains("not JSON");
        assertThat(result.problems().get(1).message()).contains("no readable timestamp");
        assertThat(result.problems().get(2).message()).contains("not a JSON object");
    }
}
