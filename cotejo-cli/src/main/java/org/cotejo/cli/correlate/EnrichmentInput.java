package org.cotejo.cli.correlate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.enrich.Enrichment;
import org.cotejo.correlation.enrich.EnrichmentFiles;

/** The enrichment files of a run: files given, or every .csv/.jsonl/.json file of a folder given, in name order. */
public final class EnrichmentInput {
    private EnrichmentInput() {}

    public static Enrichment load(List<Path> given, PrintWriter err) throws IOException {
        return load(given, List.of(), err);
    }

    /**
     * The files given, then {@code traffic}: the enrichment files `cotejo check` wrote from the DNS answers and
     * certificates in network evidence (each loaded once, even when also given).
     */
    public static Enrichment load(List<Path> given, List<Path> traffic, PrintWriter err) throws IOException {
        if (given.isEmpty() && traffic.isEmpty()) return Enrichment.none();
        List<Path> files = new ArrayList<>();
        for (Path p : given) {
            if (!Files.exists(p)) throw new CotejoException("no such enrichment file or folder: " + p);
            if (Files.isRegularFile(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(Files::isRegularFile).filter(EnrichmentInput::looksLikeEnrichment).sorted().forEach(files::add);
            }
        }
        if (files.isEmpty() && traffic.isEmpty()) throw new CotejoException("no enrichment files (*.csv, *.jsonl, *.json) under " + given);
        java.util.Set<Path> already = new java.util.HashSet<>();
        for (Path f : files) already.add(f.toAbsolutePath().normalize());
        for (Path t : traffic) if (already.add(t.toAbsolutePath().normalize())) files.add(t);
        EnrichmentFiles.Loaded loaded = EnrichmentFiles.load(files);
        for (var p : loaded.problems()) err.println("cotejo: enrichment problem: " + p);
        for (String n : loaded.notes()) err.println("cotejo: " + n);
        err.flush();
        return loaded.index();
    }

    private static boolean looksLikeEnrichment(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".csv") || n.endsWith(".jsonl") || n.endsWith(".json"));
    }
}
