package org.cotejo.correlation.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.CorrelationResult;

/** Writes the three result files of a correlation into one folder. */
public final class CorrelationOutputs {
    public static final String CLUSTERS = "clusters.json";
    public static final String LINKS = "links.json";
    public static final String PIVOTS = "pivots.json";

    private CorrelationOutputs() {}

    /** @throws CotejoException when the folder cannot be created or written */
    public static void write(Path dir, CorrelationResult r) {
        try {
            Files.createDirectories(dir);
            ClustersJson.write(dir.resolve(CLUSTERS), r);
            LinksJson.write(dir.resolve(LINKS), r);
            PivotsJson.write(dir.resolve(PIVOTS), r);
        } catch (IOException e) {
            throw new CotejoException("cannot write the correlation results to " + dir + ": " + e.getMessage()
                    + "; check the folder exists and is writable", e);
        }
    }
}
