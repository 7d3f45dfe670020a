package org.cotejo.detection.heuristic.android.dumpsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.android.dumpsys.AdbAcquisition;
import org.cotejo.forensics.android.dumpsys.DumpsysADBState;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdbTrustedKeysTest {
    static final String EXAMINER = "QAAAAAcgbytJst31DsaSP7hn8QcBXKR9NPVPK9MZssFVSNIP";
    static final String OTHER = "QAAAAPUBsVijHeceeK3bETuudn5I+S+ndOZDsxQDvkjK";
    static final Instant STARTED = Instant.parse("2024-03-21T11:00:00Z");
    @TempDir Path tmp;

    private List<Alert> run(AdbAcquisition acquisition, Record record) throws Exception {
        FolderTree tree = new FolderTree(Files.createDirectories(tmp.resolve("x")));
        try (Extraction x = new Extraction(EvidenceKind.BUGREPORT, tmp, tree, new FsLocator(tree), WorkArea.create(), Map.of())) {
            if (acquisition != null) x.with(AdbAcquisition.class, acquisition);
            List<Alert> out = new ArrayList<>();
            Heuristic.Session s = new AdbTrustedKeys().start(new HeuristicContext(x, ModuleOptions.DEFAULT, false));
            s.inspect(record, out::add);
            return out;
        }
    }

    private static Record state(List<Map<String, Object>> keystore, List<Map<String, Object>> userKeys) {
        return DumpsysHeuristicsTest.record(new DumpsysADBState(), Map.of("connected_to_adb", "true", "keystore", keystore, "user_keys", userKeys));
    }

    private static Map<String, Object> key(String key, String user, Long last) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("user", user);
        m.put("fingerprint", DumpsysADBState.fingerprint(key));
        m.put("key", key);
        if (last != null) m.put("last_connected", last);
        return m;
    }

    @Test
    void flagsAKeyThatIsNotTheExaminersAndAnInvalidOne() throws Exception {
        Record r = state(List.of(key(OTHER, "someone@else", STARTED.toEpochMilli())), List.of(key("not*base64", "x@y", null),
                key(EXAMINER, "examiner@lab", null)));
        List<Alert> alerts = run(new AdbAcquisition(STARTED, EXAMINER + " examiner@lab"), r);
        assertThat(alerts).extracting(Alert::level).containsExactly(Level.LOW, Level.LOW);
        assertThat(alerts.get(0).message()).startsWith("Found a trusted ADB host key different from the AndroidQF acquisition host: ")
                .contains("(someone@else)");
        assertThat(alerts.get(0).eventTime()).isEqualTo(STARTED);
        assertThat(alerts.get(1).message()).startsWith("Found an invalid trusted ADB host key: <unknown key> (x@y)");
    }

    @Test
    void notesTheExaminersKeyWhenItWasLastUsedDaysBeforeTheAcquisition() throws Exception {
        long weekBefore = STARTED.minusSeconds(7 * 86400).toEpochMilli();
        assertThat(run(new AdbAcquisition(STARTED, EXAMINER), state(List.of(key(EXAMINER, "examiner@lab", weekBefore)), List.of())))
                .singleElement().satisfies(a -> assertThat(a.level()).isEqualTo(Level.INFO));
        assertThat(run(new AdbAcquisition(STARTED, EXAMINER), state(List.of(key(EXAMINER, "examiner@lab", STARTED.toEpochMilli())), List.of())))
                .isEmpty();
    }

    @Test
    void saysEachKeyCannotBeCheckedWhenTheAcquisitionHasNoHostKey() throws Exception {
        assertThat(run(new AdbAcquisition(STARTED, "???"), state(List.of(), List.of(key(EXAMINER, "a@b", null)))))
                .singleElement().satisfies(a -> assertThat(a.message()).contains("does not include its host key"));
    }

    @Test
    void saysNothingOutsideAnAndroidQfAcquisition() throws Exception {
        assertThat(run(null, state(List.of(key(OTHER, "someone@else", 1L)), List.of()))).isEmpty();
    }
}
