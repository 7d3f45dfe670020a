package org.cotejo.forensics.ios;

import static org.assertj.core.api.Assertions.assertThat;

import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.backup.IosBackups;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.testing.Corpus;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;

class CorpusSmokeTest {
    @Test
    void readsSmsOfTheSampleBackup() throws Exception {
        var result = ModuleHarness.run(IosBackups.open(Corpus.iosBackup()), ModuleOptions.DEFAULT,
                Modules.installed().forKind(EvidenceKind.IOS_BACKUP));
        result.records().forEach(r -> System.out.println(r.module() + " " + r.provenance().describe() + " " + r.observables() + " " + r.timeline()));
        result.problems().forEach(p -> System.out.println(p.describe()));
        assertThat(result.records()).anyMatch(r -> r.observables().stream().anyMatch(o -> o.observable().value().contains("example.org")));
    }
}
