package org.cotejo.forensics.android.tombstone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The tombstones of the corpus' {@code android_data/}: real crashes from a Redmi and a Samsung phone. */
class TombstonesCorpusTest {

    private static Path androidData() {
        String corpus = System.getenv("COTEJO_CORPUS");
        Path data = corpus == null ? null : Path.of(corpus, "mvt-artifacts/android_data");
        Assumptions.assumeTrue(data != null && Files.isRegularFile(data.resolve("tombstone_process.pb")),
                "COTEJO_CORPUS is not set or has no mvt-artifacts/android_data/tombstone_process.pb: skipping the corpus check");
        return data;
    }

    @Test
    void readsTheSameCrashFromTheTextAndTheProtobufTombstone() throws Exception {
        ModuleHarness.Result result = ModuleHarness.run(TombstonesTest.bugreport(androidData()), "Tombstones");

        assertThat(result.problems()).isEmpty();
        List<Record> records = result.of("tombstones");
        Fields pb = records.stream().filter(r -> r.fields().string("file_name").equals("tombstone_process.pb")).findFirst().orElseThrow().fields();
        Fields text = records.stream().filter(r -> r.fields().string("file_name").equals("tombstone_process.txt")).findFirst().orElseThrow().fields();
        for (Fields f : List.of(pb, text)) {
            assertThat(f.string("build_fingerprint")).isEqualTo("Redmi/rosemary_global/rosemary:12/SP1A.210812.016/V13.0.13.0.SKLMIXM:user/release-keys");
            assertThat(f.string("revision")).isEqualTo("0");
            assertThat(f.string("arch")).isEqualTo("arm");
            assertThat(f.string("timestamp")).isEqualTo("2023-04-12 12:32:40.518290");
            assertThat(f.string("timestamp_raw")).isEqualTo("2023-04-12 12:32:40.518290770+0200");
            assertThat(f.string("timestamp_utc")).isEqualTo("2023-04-12 10:32:40.518290");
            assertThat(f.get("process_uptime")).isEqualTo(0L);
            assertThat(f.strings("command_line")).containsExactly("/vendor/bin/hw/android.hardware.media.c2@1.2-mediatek");
            assertThat(f.get("pid")).isEqualTo(25541L);
            assertThat(f.get("tid")).isEqualTo(21307L);
            assertThat(f.string("process_name")).isEqualTo("mtk.ape.decoder");
            assertThat(f.string("binary_path")).isEqualTo("/vendor/bin/hw/android.hardware.media.c2@1.2-mediatek");
            assertThat(f.get("uid")).isEqualTo(1046L);
            assertThat(f.object("signal_info").asMap()).containsExactly(Map.entry("code", 1L), Map.entry("code_name", "SEGV_MAPERR"),
                    Map.entry("name", "SIGSEGV"), Map.entry("number", 0L));
            assertThat(f.string("cause")).isEqualTo("null pointer dereference");
        }
        assertThat(pb.string("selinux_label")).isEqualTo("u:r:mtk_hal_c2:s0");
        assertThat(text.string("selinux_label")).isNull();
        Record crash = records.stream().filter(r -> r.fields() == pb).findFirst().orElseThrow();
        assertThat(crash.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2023-04-12T10:32:40.518290770Z"));
            assertThat(t.deviceLocal()).isFalse();
        });
    }

    @Test
    void readsTheBugreportTombstonesOfTheAdbdAndTztsDaemonCrashes() throws Exception {
        Path bugreport = androidData().resolve("bugreport");

        ModuleHarness.Result result = ModuleHarness.run(TombstonesTest.bugreport(bugreport), "Tombstones");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("tombstones")).extracting(r -> r.fields().string("file_name"), r -> r.fields().string("process_name"),
                r -> r.fields().string("binary_path"), r -> r.fields().get("uid"), r -> r.fields().string("timestamp"),
                r -> r.timeline().get(0).time()).containsExactly(
                tuple("FS/data/tombstones/tombstone_00", "UsbFfs-worker", "/system/bin/adbd", 2000L, "2021-09-29 17:43:49.000000",
                        Instant.parse("2021-09-29T15:43:49Z")),
                tuple("FS/data/tombstones/tombstone_01", "tzts_daemon", "/vendor/bin/tzts_daemon", 1000L, "2023-08-21 23:28:59.000000",
                        Instant.parse("2023-08-22T03:28:59Z")));
        assertThat(result.of("tombstones").get(0).fields().string("abort_message"))
                .isEqualTo("Check failed: payload.size() <= bytes_left (payload.size()=99, bytes_left=51) ");
    }
}
