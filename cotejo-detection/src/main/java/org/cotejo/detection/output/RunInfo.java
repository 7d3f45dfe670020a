package org.cotejo.detection.output;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.indicators.feed.Feed;

/**
 * What a check run read and did, for info.json and findings.json.
 *
 * @param version     Cotejo's version
 * @param kind        evidence kind
 * @param target      the evidence path as given, made absolute
 * @param identifiers identifiers read from the extraction
 * @param feeds       feeds loaded (file and SHA-256 of each)
 * @param modules     modules run, in order
 * @param problems    what could not be read
 * @param inputs      every input file with its SHA-256 (paths inside the extraction)
 * @param started     when the run started (written to info.json only, so findings.json is reproducible)
 */
public record RunInfo(String version, EvidenceKind kind, String target, Map<String, String> identifiers, List<Feed> feeds,
                      List<ModuleRun> modules, List<ModuleProblem> problems, List<FileHash> inputs, Instant started) {

    /**
     * One module's run: name, slug, trace class, records read, and records written to its record file and
     * the timeline ({@code written}: fewer than {@code records} when a check wrote only matched records of a
     * bulk module, see {@code --records}).
     */
    public record ModuleRun(String name, String slug, String trace, long records, long written) {
        /** A run whose records were all written. */
        public ModuleRun(String name, String slug, String trace, long records) {
            this(name, slug, trace, records, records);
        }

        public ModuleRun withWritten(long count) {
            return new ModuleRun(name, slug, trace, records, count);
        }
    }

    /** A file of the evidence and its SHA-256. */
    public record FileHash(String path, String sha256) {}
}
