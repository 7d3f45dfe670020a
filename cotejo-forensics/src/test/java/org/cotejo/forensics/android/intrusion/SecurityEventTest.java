package org.cotejo.forensics.android.intrusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityEventTest {
    static final long NOON_NS = 1_735_732_800_123_456_789L; // 2025-01-01T12:00:00.123456789Z in ns

    @TempDir Path root;

    private List<Record> run(Object... lines) throws Exception {
        new IntrusionLogWriter().add("security.txt", lines).folder(root);
        ModuleHarness.Result result = ModuleHarness.run(IntrusionLogs.open(root), "SecurityEvent");
        assertThat(result.problems()).isEmpty();
        return result.of("security_event");
    }

    @Test
    void readsAProcessStartWithItsNanosecondTimeAndTheAppAsProcessAndAppId() throws Exception {
        Record r = run(IntrusionLogWriter.security(NOON_NS, 210005, "app_process_start",
                Map.of("process", "com.evil.app:remote", "uid", 10234, "pid", 4242))).get(0);

        assertThat(r.fields().string("timestamp")).isEqualTo("2025-01-01 12:00:00.123456");
        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.trace()).contains(
                tuple(ObservableType.PROCESS_NAME, "com.evil.app:remote", TraceClass.EXECUTION),
                tuple(ObservableType.APP_ID, "com.evil.app", TraceClass.EXECUTION));
        assertThat(r.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2025-01-01T12:00:00.123456789Z"));
            assertThat(t.event()).isEqualTo("app_process_start");
            assertThat(t.description()).isEqualTo("Process started: com.evil.app:remote (UID: 10234, PID: 4242)");
        });
    }

    @Test
    void observesAdbShellCommandsTheirProgramAndEveryPathInThem() throws Exception {
        Record r = run(IntrusionLogWriter.security(NOON_NS, 210002, "adb_shell_cmd",
                Map.of("command", "/system/bin/sh -c 'chmod 755 /data/local/tmp/payload'"))).get(0);

        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.observable().value()).contains(
                tuple(ObservableType.PROCESS_NAME, "sh"),
                tuple(ObservableType.FILE_PATH, "/system/bin/sh"),
                tuple(ObservableType.FILE_PATH, "/data/local/tmp/payload"));
        assertThat(r.timeline().get(0).description()).isEqualTo("ADB shell command: /system/bin/sh -c 'chmod 755 /data/local/tmp/payload'");
    }

    @Test
    void observesPackagesInstalledAndFilesPushedOverAdb() throws Exception {
        List<Record> records = run(
                IntrusionLogWriter.security(NOON_NS, 210041, "package_installed", Map.of("package_name", "com.evil.app", "version_code", 3)),
                IntrusionLogWriter.security(NOON_NS + 1, 210004, "adb_sync_send_file", Map.of("path", "/data/local/tmp/payload")));

        assertThat(records.get(0).observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.trace())
                .containsExactly(tuple(ObservableType.APP_ID, "com.evil.app", TraceClass.CONFIGURATION));
        assertThat(records.get(0).timeline().get(0).description()).isEqualTo("Package installed: com.evil.app (version_code=3)");
        assertThat(records.get(1).observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.trace())
                .containsExactly(tuple(ObservableType.FILE_PATH, "/data/local/tmp/payload", TraceClass.FILESYSTEM));
        assertThat(records.get(1).timeline().get(0).description()).isEqualTo("ADB file pushed to the device: /data/local/tmp/payload");
    }

    @Test
    void writesASentenceForEachKindOfEventAndAGenericOneForTheRest() throws Exception {
        List<Record> records = run(
                IntrusionLogWriter.security(NOON_NS, 210007, "keyguard_dismiss_auth_attempt", Map.of("success", true, "method_strength", 0)),
                IntrusionLogWriter.security(NOON_NS + 1, 210006, "keyguard_dismissed", Map.of()),
                IntrusionLogWriter.security(NOON_NS + 2, 210024, "key_generated", Map.of("success", false, "alias", "k1", "uid", 1001)),
                IntrusionLogWriter.security(NOON_NS + 3, 210031, "crypto_self_test_completed", 0),
                IntrusionLogWriter.security(NOON_NS + 4, 210036, "wifi_connection", Map.of("bssid", "aa:bb")));

        assertThat(records).extracting(r -> r.timeline().get(0).description()).containsExactly(
                "Auth attempt: Success (method strength: 0)",
                "Keyguard dismissed",
                "Key generation failed: k1 (UID: 1001)",
                "Cryptographic self test failed",
                "wifi_connection: bssid=aa:bb");
    }

    @Test
    void reportsUnknownSecurityTagsOnceAndKeepsTheirEvents() throws Exception {
        new IntrusionLogWriter().add("security.txt",
                IntrusionLogWriter.security(NOON_NS, 219999, "future_tag", Map.of("x", 1)),
                IntrusionLogWriter.security(NOON_NS + 1, 219999, "future_tag", Map.of("x", 2))).folder(root);

        ModuleHarness.Result result = ModuleHarness.run(IntrusionLogs.open(root), "SecurityEvent");

        assertThat(result.of("security_event")).hasSize(2);
        assertThat(result.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("Found unknown security event tag(s): future_tag (2)"));
    }
}
