package org.cotejo.cli.correlate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.lr.SupportScale;
import org.cotejo.correlation.model.EvidenceLevel;
import picocli.CommandLine.Option;

/** The options that tune a correlation, shared by `cotejo correlate` and `cotejo investigate`. */
public final class CorrelationFlags {
    @Option(names = "--level", paramLabel = "FEED=LEVEL", description = "Evidence level of every indicator of a feed (by collection name or SHA-256): tool, operator or weak-infrastructure. Repeatable.")
    Map<String, String> levels = new LinkedHashMap<>();

    @Option(names = "--decisions", paramLabel = "FILE", description = "Recorded pivot decisions (JSON; see docs/correlation.md): confirmed pivots count as proof, rejected ones are excluded.")
    Path decisions;

    @Option(names = "--link-threshold", paramLabel = "SUPPORT", defaultValue = "moderately-strong",
            description = "Weakest support that links two devices: weak, moderate, moderately-strong, strong, very-strong (default ${DEFAULT-VALUE}).")
    String threshold = "moderately-strong";

    /** The options these flags ask for, or a user error naming the flag that is wrong. */
    public CorrelationOptions options() throws IOException {
        Map<String, EvidenceLevel> byFeed = new LinkedHashMap<>();
        levels.forEach((feed, level) -> byFeed.put(feed, EvidenceLevel.fromKey(level).orElseThrow(() -> new CotejoException(
                "unknown evidence level '" + level + "' for " + feed + "; use tool, operator or weak-infrastructure"))));
        SupportScale from = SupportScale.fromKey(threshold).orElseThrow(() -> new CotejoException(
                "unknown support '" + threshold + "'; use weak, moderate, moderately-strong, strong or very-strong"));
        CorrelationOptions o = CorrelationOptions.defaults().withFeedLevels(byFeed).withLinkThreshold(from);
        if (decisions != null) o = o.withPivotDecisions(PivotDecisions.read(decisions));
        return o;
    }

    /** The pivot decisions file, or null: an input the output folder must not lie inside. */
    public Path decisions() {
        return decisions;
    }
}
