package org.cotejo.forensics.evidence.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.evidence.WorkArea;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A zip made by a real acquisition workflow (the AndroidQF sample of the conformance corpus), read in place. */
class ArchiveCorpusTest {
    @Test
    void readsTheSampleAndroidQfZipInPlace() throws Exception {
        String corpus = System.getenv("COTEJO_CORPUS");
        Assumptions.assumeTrue(corpus != null && Files.isRegularFile(Path.of(corpus, "mvt-artifacts/androidqf.zip")),
                "COTEJO_CORPUS is not set or has no mvt-artifacts/androidqf.zip: skipping the corpus check");
        Path zip = Path.of(corpus, "mvt-artifacts/androidqf.zip");
        String before = Hashing.sha256(Files.readAllBytes(zip));
        try (WorkArea work = WorkArea.create(); ArchiveTree tree = ArchiveTree.open(zip, work)) {
            FileEntry getprop = tree.glob("*/getprop.txt").get(0);
            try (InputStream in = tree.open(getprop)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("[");
            }
            assertThat(tree.skipped()).isEmpty();
            assertThat(tree.archiveSha256()).isEqualTo(before);
        }
    }
}
