package org.cotejo.detection.heuristic.android.tombstone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
import org.cotejo.forensics.android.tombstone.Tombstones;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.module.ModuleRunner;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The corpus bugreport's tombstones: adbd (shell) and tzts_daemon (system) crashed; MVT flags both when IOCs are loaded. */
class PrivilegedCrashCorpusTest {

    @Test
    void flagsTheShellAndSystemCrashesOfTheCorpusBugreportWithoutAnyIndicator() throws Exception {
        String corpus = System.getenv("COTEJO_CORPUS");
        Path bugreport = corpus == null ? null : Path.of(corpus, "mvt-artifacts/android_data/bugreport");
        Assumptions.assumeTrue(bugreport != null && Files.isDirectory(bugreport.resolve("FS/data/tombstones")),
                "COTEJO_CORPUS is not set or has no mvt-artifacts/android_data/bugreport: skipping the corpus check");
        List<Record> records = new ArrayList<>();
        List<ModuleProblem> problems = new ArrayList<>();
        FolderTree tree = new FolderTree(bugreport);
        try (Extraction x = new Extraction(EvidenceKind.BUGREPORT, bugreport, tree, new FsLocator(tree), WorkArea.create(), Map.of())) {
            new ModuleRunner(ModuleOptions.DEFAULT).run(x, List.of(new Tombstones()), new RunListener() {
                @Override public void record(Record r) { records.add(r); }
                @Override public void problem(ModuleProblem p) { problems.add(p); }
            });
        }

        List<Alert> alerts = new ArrayList<>();
        Heuristic.Session s = new PrivilegedCrash().start(new HeuristicContext(null, ModuleOptions.DEFAULT, false));
        records.forEach(r -> s.inspect(r, alerts::add));
        s.finish(alerts::add);

        assertThat(problems).isEmpty();
        assertThat(records).hasSize(2);
        assertThat(alerts).extracting(Alert::level, a -> a.record().fields().string("process_name"), Alert::eventTime).containsExactly(
                tuple(Level.MEDIUM, "UsbFfs-worker", Instant.parse("2021-09-29T15:43:49Z")),
                tuple(Level.MEDIUM, "tzts_daemon", Instant.parse("2023-08-22T03:28:59Z")));
    }
}
