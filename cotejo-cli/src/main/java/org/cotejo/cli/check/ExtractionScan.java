package org.cotejo.cli.check;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cotejo.cli.iocs.LoadedFeeds;
import org.cotejo.core.concurrent.Handoff;
import org.cotejo.detection.Detector;
import org.cotejo.detection.Findings;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.detection.output.RunInfo;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.network.traffic.TrafficRecords;
import org.cotejo.forensics.record.Record;

/**
 * Extraction and detection over one opened extraction: its modules (or an MVT folder's stored records)
 * stream records through the detector and on to a sink (the output files of `check`, or a case's scan
 * writer). Used by `cotejo check` and `cotejo case scan`, so both judge evidence the same way.
 */
public final class ExtractionScan {
    /**
     * What a scan concluded.
     *
     * @param findings detections, alerts and the verdict
     * @param modules  each module run with its record count
     * @param problems what could not be read (refused archive entries first)
     * @param records  records read in all
     */
    public record Outcome(Findings findings, List<RunInfo.ModuleRun> modules, List<ModuleProblem> problems, long records) {}

    /** Receives each record after the detector has seen it. */
    @FunctionalInterface
    public interface RecordSink {
        /** @param matched whether one of the record's observables matched an indicator */
        void accept(Record r, boolean matched) throws IOException;
    }

    private ExtractionScan() {}

    /** What the opener of {@code x} (and of the extractions nested in it) could not open, as problems. */
    private static void reportOpening(Extraction x, List<ModuleProblem> problems, Progress progress) {
        for (String why : x.openingProblems()) {
            ModuleProblem p = new ModuleProblem("opening", x.via(), why, false);
            problems.add(p);
            progress.note("  problem: " + p.describe());
        }
        for (Extraction inner : x.nested()) {
            inner.service(org.cotejo.forensics.evidence.ArchiveTree.class).ifPresent(a -> a.skipped().forEach(why -> {
                ModuleProblem p = new ModuleProblem("archive", inner.via(), why, false);
                problems.add(p);
                progress.note("  problem: " + p.describe());
            }));
            reportOpening(inner, problems, progress);
        }
    }

    /** Scans {@code x}; every record goes to {@code sink} after the detector has seen it. */
    public static Outcome run(Extraction x, EvidenceKind kind, List<ArtifactModule> modules, CheckRun.RecordSource source,
                              LoadedFeeds feeds, List<Heuristic> heuristics, ModuleOptions options, Progress progress,
                              Consumer<Record> sink) throws IOException {
        return run(x, kind, modules, source, feeds, heuristics, options, progress, (RecordSink) (r, matched) -> sink.accept(r));
    }

    /**
     * Scans {@code x}; every record goes to {@code sink} after the detector has seen it. For network evidence
     * (millions of log lines or packets) the detector and the sink run on a second thread, fed in order
     * through a bounded {@link Handoff}, while the modules read on this one; device extractions are judged
     * on the reading thread (their heuristics may read the extraction, which is not shared across threads).
     */
    public static Outcome run(Extraction x, EvidenceKind kind, List<ArtifactModule> modules, CheckRun.RecordSource source,
                              LoadedFeeds feeds, List<Heuristic> heuristics, ModuleOptions options, Progress progress,
                              RecordSink sink) throws IOException {
        Map<String, Long> recordsBySlug = new LinkedHashMap<>();
        List<ModuleProblem> problems = Collections.synchronizedList(new ArrayList<>());
        x.service(org.cotejo.forensics.evidence.ArchiveTree.class).ifPresent(a -> a.skipped().forEach(why -> {
            ModuleProblem p = new ModuleProblem("archive", "", why, false);
            problems.add(p);
            progress.note("  problem: " + p.describe());
        }));
        reportOpening(x, problems, progress);
        Detector detector = new Detector(feeds.index(), feeds.warnings(), heuristics,
                new HeuristicContext(kind == EvidenceKind.MVT_RESULTS ? null : x, options, feeds.index().size() > 0));
        Handoff.Sink<Record> judge = r -> sink.accept(r, detector.accept(r));
        Handoff<Record> judging = kind.network() ? new Handoff<>("cotejo-detection", judge) : null;
        TrafficRecords.Views views = judging == null ? null : new TrafficRecords.Views();
        Map<String, Integer> problemsBefore = new HashMap<>();
        long[] total = {0};
        try {
            source.run(x, modules, options, new RunListener() {
                @Override
                public void moduleStarted(ArtifactModule m) {
                    problemsBefore.put(m.name(), problems.size());
                    progress.started(m.name());
                }

                @Override
                public void record(Record r) {
                    try {
                        if (judging != null) {
                            views.prepare(r);
                            judging.add(r);
                        } else {
                            judge.accept(r);
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    total[0]++;
                    progress.record();
                }

                @Override
                public void problem(ModuleProblem p) {
                    problems.add(p);
                    progress.note("  problem: " + p.describe());
                }

                @Override
                public void moduleFinished(ArtifactModule m, long count, Duration took) {
                    recordsBySlug.merge(m.slug(), count, Long::sum);
                    progress.finished(count, took, problems.size() - problemsBefore.getOrDefault(m.name(), 0));
                }
            });
            if (judging != null) judging.finish();
        } finally {
            if (judging != null) judging.stop();
        }
        Findings findings = detector.finish();
        List<RunInfo.ModuleRun> runs = new ArrayList<>();
        for (ArtifactModule m : modules) {
            runs.add(new RunInfo.ModuleRun(m.name(), m.slug(), m.trace().name().toLowerCase(), recordsBySlug.getOrDefault(m.slug(), 0L)));
        }
        return new Outcome(findings, runs, List.copyOf(problems), total[0]);
    }
}
