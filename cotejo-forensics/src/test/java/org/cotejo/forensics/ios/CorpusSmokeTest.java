package org.cotejo.forensics.ios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.backup.IosBackups;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.module.ModuleRunner;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CorpusSmokeTest {
    @Test
    void readsSmsOfTheSampleBackup() throws Exception {
        String corpus = System.getenv("COTEJO_CORPUS");
        Assumptions.assumeTrue(corpus != null && Files.isDirectory(Path.of(corpus, "mvt-artifacts/ios_backup")),
                "COTEJO_CORPUS is not set or has no mvt-artifacts/ios_backup: skipping the corpus check");
        List<Record> records = new ArrayList<>();
        List<ModuleProblem> problems = new ArrayList<>();
        try (Extraction x = IosBackups.open(Path.of(corpus, "mvt-artifacts/ios_backup"))) {
            new ModuleRunner(ModuleOptions.DEFAULT).run(x, Modules.installed().forKind(EvidenceKind.IOS_BACKUP), new RunListener() {
                @Override public void record(Record r) { records.add(r); }
                @Override public void problem(ModuleProblem p) { problems.add(p); }
            });
        }
        records.forEach(r -> System.out.println(r.module() + " " + r.provenance().describe() + " " + r.observables() + " " + r.timeline()));
        problems.forEach(p -> System.out.println(p.describe()));
        assertThat(records).anyMatch(r -> r.observables().stream().anyMatch(o -> o.observable().value().contains("example.org")));
    }
}
