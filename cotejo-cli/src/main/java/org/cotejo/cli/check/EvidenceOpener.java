package org.cotejo.cli.check;

import java.io.IOException;
import java.nio.file.Path;
import org.cotejo.forensics.evidence.Extraction;

/** Opens one kind of extraction. */
@FunctionalInterface
public interface EvidenceOpener {
    Extraction open(Path path) throws IOException;
}
