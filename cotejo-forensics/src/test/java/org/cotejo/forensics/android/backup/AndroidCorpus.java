package org.cotejo.forensics.android.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The corpus' Android backups (environment variable COTEJO_CORPUS); tests that need them skip, saying why, without it. */
public final class AndroidCorpus {
    /** The password of the corpus' encrypted backups. */
    public static final String PASSWORD = "123456";

    private AndroidCorpus() {}

    /** {@code mvt-artifacts/<relative>} in the corpus; the calling test is skipped when it is not there. */
    public static Path artifact(String relative) {
        String corpus = System.getenv("COTEJO_CORPUS");
        Path p = corpus == null ? null : Path.of(corpus, "mvt-artifacts", relative);
        Assumptions.assumeTrue(p != null && Files.exists(p),
                "COTEJO_CORPUS is not set or has no mvt-artifacts/" + relative + ": skipping the corpus check");
        return p;
    }
}
