package org.cotejo.cli.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.cli.Version;
import org.cotejo.cli.iocs.LoadedFeeds;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.traffic.TrafficEnrichment;
import org.cotejo.detection.Findings;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.Heuristics;
import org.cotejo.detection.output.CheckOutputs;
import org.cotejo.detection.output.RunInfo;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.ModuleRunner;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.module.RunListener;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One `cotejo check`: load feeds, open the extraction, run its modules, match and judge every record as
 * it streams by, write the outputs, print the summary. Exit codes: 0 nothing HIGH or above, 3 HIGH or
 * CRITICAL found; user errors (2) and internal errors (1) are mapped by Main.
 */
public final class CheckRun {
    public static final int FOUND_HIGH = 3;

    /** Reads records from an opened extraction: its modules, or for MVT results folders the stored JSON. */
    @FunctionalInterface
    public interface RecordSource {
        void run(Extraction extraction, List<ArtifactModule> modules, ModuleOptions options, RunListener listener) throws IOException;
    }

    public static final RecordSource MODULES = (x, modules, options, listener) -> new ModuleRunner(options).run(x, modules, listener);

    private CheckRun() {}

    static int execute(CommandSpec spec, EvidenceKind kind, Path path, CheckOptions o, EvidenceOpener opener) throws IOException {
        return execute(spec, kind, path, o, opener, MODULES);
    }

    static int execute(CommandSpec spec, EvidenceKind kind, Path path, CheckOptions o, EvidenceOpener opener,
                       RecordSource source) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Modules installed = Modules.installed();
        List<Heuristic> heuristics = Heuristics.installed();
        if (o.listModules) {
            ModuleList.print(out, kind, installed, heuristics);
            return 0;
        }
        if (path == null) throw new CotejoException("give the " + kind.label() + " to check (PATH), or --list-modules");
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        List<ArtifactModule> modules = kind == EvidenceKind.MVT_RESULTS ? mvtModules(installed, o.modules) : installed.select(kind, o.modules);
        boolean allRecords = allRecords(kind, o.records);
        OutputFolder folder = o.out == null ? null : OutputFolder.prepare(o.out, path);
        try {
            int code = run(kind, path, LoadedFeeds.load(o.feeds), o.fast, allRecords, opener, source, modules, heuristics,
                    folder == null ? null : folder.writing(), folder == null ? null : folder.target(), out, err);
            if (folder != null) folder.commit();
            return code;
        } catch (IOException | RuntimeException | Error e) {
            if (folder != null) folder.discard();
            throw e;
        }
    }

    /** An MVT results folder may hold any module's results: every module, or the named ones. */
    private static List<ArtifactModule> mvtModules(Modules installed, List<String> names) {
        if (names.isEmpty()) return installed.all();
        List<ArtifactModule> out = new ArrayList<>();
        for (String n : names) {
            out.add(installed.byName(n).orElseThrow(() -> new CotejoException("unknown module '" + n + "'; modules: "
                    + String.join(", ", installed.all().stream().map(ArtifactModule::name).toList()))));
        }
        return installed.all().stream().filter(out::contains).toList();
    }

    public static final RecordSource MVT_RESULTS = (x, modules, options, listener) ->
            org.cotejo.forensics.mvt.MvtResultsReader.read(x, Modules.of(modules), listener);

    /**
     * Checks one extraction with every module for its kind, writing `cotejo check`'s files into {@code outDir}
     * (created if needed) and its summary to {@code out}: what `cotejo investigate` runs on each extraction
     * it is given. Returns {@link #FOUND_HIGH} or 0, like the command.
     */
    public static int checkInto(EvidenceKind kind, Path path, EvidenceOpener opener, LoadedFeeds feeds, Path outDir, PrintWriter out,
                                PrintWriter err) throws IOException {
        Modules installed = Modules.installed();
        boolean mvt = kind == EvidenceKind.MVT_RESULTS;
        Files.createDirectories(outDir);
        return run(kind, path, feeds, false, allRecords(kind, null), opener, mvt ? MVT_RESULTS : MODULES, mvt ? installed.all() : installed.forKind(kind),
                Heuristics.installed(), outDir, outDir, out, err);
    }

    /**
     * Whether every record of bulk traffic modules is written ({@code --records all}) or only those that
     * matched ({@code matched}); by default only matched ones for an organisation's logs (Zeek, Suricata,
     * netlog), where millions of lines would be copied into JSON and timelines several times their size.
     */
    static boolean allRecords(EvidenceKind kind, String option) {
        if (option == null) return !(kind == EvidenceKind.ZEEK || kind == EvidenceKind.SURICATA || kind == EvidenceKind.NETLOG);
        return switch (option.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> true;
            case "matched" -> false;
            default -> throw new CotejoException("--records takes all or matched, not '" + option + "'");
        };
    }

    /** Waits for the traffic facts' files; what writing them threw is thrown here. */
    private static void awaitFacts(java.util.concurrent.CompletableFuture<Void> facts) throws IOException {
        try {
            facts.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) throw u.getCause();
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private static int run(EvidenceKind kind, Path path, LoadedFeeds feeds, boolean fast, boolean allRecords, EvidenceOpener opener, RecordSource source,
                           List<ArtifactModule> modules, List<Heuristic> heuristics, Path writing, Path target,
                           PrintWriter out, PrintWriter err) throws IOException {
        Instant started = Instant.now();
        ModuleOptions options = new ModuleOptions(fast);
        Progress progress = new Progress(err, System.console() != null, modules.size());
        try (Extraction x = opener.open(path); WorkArea scratch = WorkArea.create()) {
            InputHashes hashing = InputHashes.start(x);
            // network evidence: the DNS answers and certificates seen become enrichment facts for `cotejo correlate`
            TrafficEnrichment traffic = writing != null && kind.network() ? new TrafficEnrichment() : null;
            try (CheckOutputs outputs = new CheckOutputs(writing, scratch.newFolder("timeline"))) {
                java.util.Set<String> filtered = new java.util.HashSet<>();
                if (!allRecords) for (ArtifactModule m : modules) if (m.bulk()) filtered.add(m.slug());
                ExtractionScan.Outcome outcome = ExtractionScan.run(x, kind, modules, source, feeds, heuristics, options, progress,
                        (ExtractionScan.RecordSink) (r, matched) -> {
                            if (traffic != null) traffic.accept(r);
                            if (matched || filtered.isEmpty() || !filtered.contains(r.module())) outputs.record(r);
                        });
                Findings findings = outcome.findings();
                List<RunInfo.ModuleRun> runs = outcome.modules();
                if (!filtered.isEmpty()) runs = runs.stream().map(m -> filtered.contains(m.slug()) ? m.withWritten(outputs.written(m.slug())) : m).toList();
                Map<String, String> names = new HashMap<>();
                for (ArtifactModule m : modules) names.put(m.slug(), m.name());
                RunInfo info = new RunInfo(Version.current(), kind, path.toAbsolutePath().normalize().toString(), x.identifiers(),
                        feeds.feeds(), runs, outcome.problems(), hashing.result(), started);
                // the traffic facts (100,000s of lines for a large log) are written while the other outputs are
                java.util.concurrent.CompletableFuture<Void> facts = traffic == null ? null : java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        traffic.write(writing, "cotejo check " + kind.key() + " " + info.target());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                try {
                    outputs.finish(findings, info, names);
                } finally {
                    if (facts != null) awaitFacts(facts);
                }
                Summary.print(out, info, findings, target);
                if (traffic != null && !traffic.isEmpty()) {
                    out.printf(java.util.Locale.ROOT, "Traffic enrichment: %,d DNS resolutions, %,d host certificates in %s/ (cotejo correlate reads them)%n",
                            traffic.resolutions(), traffic.certificates(), TrafficEnrichment.FOLDER);
                    out.flush();
                }
                Level top = findings.highest();
                return top != null && top.atLeast(Level.HIGH) ? FOUND_HIGH : 0;
            }
        }
    }
}
