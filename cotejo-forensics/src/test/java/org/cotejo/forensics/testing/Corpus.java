package org.cotejo.forensics.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The conformance corpus (environment variable COTEJO_CORPUS): real samples; tests that need it skip without it. */
public final class Corpus {
    private Corpus() {}

    /** The corpus' sample iTunes backup; the calling test is skipped, saying why, when it is not there. */
    public static Path iosBackup() {
        String corpus = System.getenv("COTEJO_CORPUS");
        Path backup = corpus == null ? null : Path.of(corpus, "mvt-artifacts/ios_backup");
        Assumptions.assumeTrue(backup != null && Files.isDirectory(backup),
                "COTEJO_CORPUS is not set or has no mvt-artifacts/ios_backup: skipping the corpus check");
        return backup;
    }
}
