package org.cotejo.correlation.enrich;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.enrich.EnrichmentSource.Kind;

/**
 * Loads enrichment files (passive DNS, WHOIS, TLS certificates, prefix to ASN; CSV or JSON Lines, see
 * docs/enrichment.md) into one {@link EnrichmentIndex}, registering each file with its SHA-256, source
 * and date. Enrichment is evidence the analyst supplies as files: nothing is ever looked up on the
 * network. A bad value costs its record, reported as a {@link Problem} naming file and line; a file that
 * is not an enrichment file at all fails the load with a {@link CotejoException}.
 */
public final class EnrichmentFiles {
    private EnrichmentFiles() {}

    /**
     * What the caller (the command line) states about a file; each part may be null. A stated kind must
     * fit the file's columns; a stated source or date replaces the file's own, with a note when they differ.
     */
    public record Meta(Kind kind, String source, LocalDate date) {
        public static Meta none() { return new Meta(null, null, null); }
    }

    /**
     * Something in a file that was not loaded as it stands, or that weakens its registration.
     *
     * @param file   the file as given
     * @param line   1-based line, or 0 when it concerns the whole file
     * @param reason a sentence
     */
    public record Problem(String file, long line, String reason) {
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return file + (line > 0 ? ", line " + line : "") + ": " + reason;
        }
    }

    /**
     * The result of a load.
     *
     * @param index    every fact, each with its {@link Fact} (file and line)
     * @param sources  the files, in the order given
     * @param problems bad records and registration warnings, file by file, in line order
     * @param notes    how the files were read, for the operator ("3 privacy-service registrant e-mails recorded as empty")
     */
    public record Loaded(EnrichmentIndex index, List<EnrichmentSource> sources, List<Problem> problems, List<String> notes) {
        public Loaded {
            Objects.requireNonNull(index, "index");
            sources = List.copyOf(sources);
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Size limits. {@code maxBytes} caps a file (checked before reading and while reading);
     * {@code maxLine} caps one line; {@code listedProblems} caps the problems listed per file, the
     * rest being counted in one last problem, so a file of garbage cannot fill memory with complaints.
     */
    public record Limits(long maxBytes, int maxLine, int listedProblems) {
        public static final Limits DEFAULT = new Limits(16L << 30, 64 * 1024, 1000);

        public Limits {
            if (maxBytes <= 0 || maxLine <= 0 || listedProblems < 0) throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Loads the files, each described by its own header lines only. */
    public static Loaded load(List<Path> files) {
        return load(files, Map.of(), Limits.DEFAULT);
    }

    /** Loads the files; {@code given} holds what the caller states about some of them (keys as in {@code files}). */
    public static Loaded load(List<Path> files, Map<Path, Meta> given) {
        return load(files, given, Limits.DEFAULT);
    }

    public static Loaded load(List<Path> files, Map<Path, Meta> given, Limits limits) {
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            if (!seen.add(f.toAbsolutePath().normalize())) throw new CotejoException("enrichment file " + f + " is given twice");
        }
        for (Path p : given.keySet()) {
            if (!files.contains(p)) throw new CotejoException("metadata was given for " + p + ", which is not among the enrichment files");
        }
        EnrichmentIndex.Builder index = EnrichmentIndex.builder();
        List<EnrichmentSource> sources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path f : files) {
            EnrichmentFileReader.Result r = new EnrichmentFileReader(f, given.getOrDefault(f, Meta.none()), limits).read(index);
            sources.add(r.source());
            index.source(r.source());
            problems.addAll(r.problems());
            notes.addAll(r.notes());
        }
        return new Loaded(index.build(), sources, problems, notes);
    }
}
