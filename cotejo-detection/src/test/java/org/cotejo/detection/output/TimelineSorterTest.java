package org.cotejo.detection.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineSorterTest {
    @TempDir
    Path tmp;

    private static Record record(long second, String text, String locator) {
        return new Record("sms", Fields.builder().put("text", text).build(), new Provenance("3d/x", "HomeDomain/sms.db", "ab", locator),
                List.of(), List.of(new TimelineEvent(Instant.ofEpochSecond(1_600_000_000L + second), "sms", "sms_received", text)));
    }

    @Test
    void sortsEventsSpilledInChunksAndWritesEachOnce() throws Exception {
        List<Long> seconds = new ArrayList<>();
        for (long i = 0; i < 1000; i++) seconds.add(i);
        Collections.shuffle(seconds, new java.util.Random(3));
        Path spill = Files.createDirectories(tmp.resolve("spill"));
        TimelineSorter sorter = new TimelineSorter(spill, 64);
        for (long s : seconds) sorter.add(record(s, "message " + s + " with \"quotes\" and ünïcode", "ROWID " + s));
        sorter.add(record(5, "message 5 with \"quotes\" and ünïcode", "ROWID 9999"));
        assertThat(Files.list(spill).count()).as("chunks spilled").isGreaterThan(10);
        sorter.write(tmp.resolve("timeline.csv"), tmp.resolve("timeline.jsonl"), Map.of("sms", "SMS"), false);

        List<String> csv = Files.readAllLines(tmp.resolve("timeline.csv"));
        assertThat(csv.get(0)).isEqualTo("\"UTC Timestamp\",\"Plugin\",\"Event\",\"Description\"");
        assertThat(csv).hasSize(1001);
        assertThat(csv.get(1)).isEqualTo("\"" + MvtTime.format(Instant.ofEpochSecond(1_600_000_000L)) + "\",\"SMS\",\"sms_received\","
                + "\"message 0 with \"\"quotes\"\" and ünïcode\"");
        List<String> times = csv.subList(1, csv.size()).stream().map(l -> l.substring(1, 27)).toList();
        assertThat(times).isSorted();
        List<String> jsonl = Files.readAllLines(tmp.resolve("timeline.jsonl"));
        assertThat(jsonl).hasSize(1000);
        assertThat(jsonl.get(5)).contains("\"timestamp_desc\":\"sms_received\"", "\"source_locator\":\"ROWID 5\"",
                "\"datetime\":\"2020-09-13T12:26:45Z\"");
    }

    @Test
    void androidTimelinesSayRowByRowWhetherATimeIsUtcOrTheDevicesWallClock() throws Exception {
        Path spill = Files.createDirectories(tmp.resolve("spill"));
        TimelineSorter sorter = new TimelineSorter(spill, 1);
        Provenance p = new Provenance("logs/x", "logs/x", "ab", "line 1");
        Instant t = Instant.parse("2024-03-21T11:07:22Z");
        sorter.add(new Record("aqf_log_timestamps", Fields.builder().build(), p, List.of(),
                List.of(new TimelineEvent(t, "aqf_log_timestamps", "file_modified", "logs/x", true))));
        sorter.add(new Record("tombstones", Fields.builder().build(), p, List.of(),
                List.of(new TimelineEvent(t.plusSeconds(1), "tombstones", "crash", "a crash"))));
        sorter.write(tmp.resolve("timeline.csv"), tmp.resolve("timeline.jsonl"), Map.of(), true);

        List<String> csv = Files.readAllLines(tmp.resolve("timeline.csv"));
        assertThat(csv.get(0)).isEqualTo("\"Device Local Timestamp\",\"Plugin\",\"Event\",\"Description\",\"Time Zone\"");
        assertThat(csv.get(1)).endsWith(",\"device local\"");
        assertThat(csv.get(2)).endsWith(",\"UTC\"");
        List<String> jsonl = Files.readAllLines(tmp.resolve("timeline.jsonl"));
        assertThat(jsonl.get(0)).contains("\"time_zone\":\"device local (zone unknown)\"");
        assertThat(jsonl.get(1)).doesNotContain("time_zone");
    }
}
