package org.cotejo.cli.cases;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.FeedInfo;
import org.cotejo.cases.ScanSummary;
import org.cotejo.cases.custody.LedgerAction;
import org.cotejo.cli.Version;
import org.cotejo.cli.check.CheckRun;
import org.cotejo.cli.check.ExtractionScan;
import org.cotejo.cli.check.Progress;
import org.cotejo.cli.iocs.LoadedFeeds;
import org.cotejo.core.CotejoException;
import org.cotejo.core.Hashing;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Heuristics;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Modules;

/**
 * Scanning a case's evidence items not yet scanned with its pinned feeds and this Cotejo version: what
 * `cotejo case scan` does, and what `cotejo investigate` does first with each case it is given. Each item
 * is stored with its ledger entry in one transaction.
 */
public final class CaseScanning {
    private CaseScanning() {}

    /** How a pass went: items scanned, items that failed (each named on stderr), and whether any verdict was serious. */
    public record Result(int scanned, int failed, boolean high) {}

    /**
     * Opens the case folder and scans what is pending; the ledger entries name {@code commandLine} and
     * {@code analyst}. Per-module progress goes to {@code progress}, failures to {@code err}.
     */
    public static Result scanPending(Path caseDir, String analyst, List<String> commandLine, PasswordSource password, PrintWriter out,
                                     PrintWriter err, PrintWriter progress) throws IOException {
        CaseOptions o = new CaseOptions();
        o.caseDir = caseDir;
        o.analyst = analyst;
        try (OpenCase c = OpenCase.open(o, commandLine)) {
            return scanPending(c, null, password, false, out, err, progress);
        }
    }

    static Result scanPending(OpenCase c, String deviceId, PasswordSource password, boolean fast, PrintWriter out, PrintWriter err,
                              PrintWriter progress) throws IOException {
        List<FeedInfo> feeds = c.store.read(h -> c.store.feeds(h, c.id()));
        if (feeds.isEmpty()) throw new CotejoException("the case " + c.folder.root() + " has no indicator feeds; pin them with `cotejo case add-iocs`");
        List<Path> feedFiles = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (FeedInfo f : feeds) {
            Path p = c.folder.resolve(f.storedPath());
            String now = Hashing.sha256(Files.readAllBytes(p));
            if (!now.equals(f.sha256())) throw new CotejoException("pinned feed " + p + " no longer has its SHA-256 " + f.sha256());
            feedFiles.add(p);
            hashes.add(f.sha256());
        }
        hashes.sort(null);
        String feedsKey = Hashing.sha256(String.join("\n", hashes).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<EvidenceInfo> todo = new ArrayList<>();
        for (EvidenceInfo e : c.store.read(h -> c.store.evidence(h, c.id()))) {
            if (deviceId != null && !e.deviceId().equals(deviceId)) continue;
            if (!c.store.read(h -> c.store.scanned(h, c.id(), e.id(), Version.current(), feedsKey))) todo.add(e);
        }
        if (todo.isEmpty()) return new Result(0, 0, false);
        LoadedFeeds loaded = LoadedFeeds.fromFiles(feedFiles);
        int failed = 0;
        int scanned = 0;
        boolean high = false;
        for (EvidenceInfo e : todo) {
            try {
                ScanSummary s = scanOne(c, e, loaded, feedsKey, hashes, password, fast, progress);
                scanned++;
                out.printf(Locale.ROOT, "%s (%s): %s — %,d records, %d detections, %d alerts%n", e.id(), e.kind(),
                        s.verdict().toUpperCase(Locale.ROOT), s.records(), s.detections(), s.alerts());
                high |= s.verdict().equals("infected") || s.verdict().equals("inconclusive") || s.verdict().equals("attempted");
            } catch (CotejoException ex) {
                failed++;
                err.println("cotejo: evidence " + e.id() + " not scanned: " + ex.getMessage());
            }
            out.flush();
        }
        return new Result(scanned, failed, high);
    }

    private static ScanSummary scanOne(OpenCase c, EvidenceInfo e, LoadedFeeds feeds, String feedsKey, List<String> feedHashes,
                                       PasswordSource password, boolean fast, PrintWriter err) throws IOException {
        Path location = location(c, e);
        unchanged(c, e, location);
        EvidenceKind kind = EvidenceKind.fromKey(e.kind()).orElseThrow(() -> new CotejoException("unknown evidence kind " + e.kind()));
        Modules installed = Modules.installed();
        List<ArtifactModule> modules = kind == EvidenceKind.MVT_RESULTS ? installed.all() : installed.forKind(kind);
        CheckRun.RecordSource source = kind == EvidenceKind.MVT_RESULTS ? CheckRun.MVT_RESULTS : CheckRun.MODULES;
        Instant started = Instant.now();
        String scanId = UUID.randomUUID().toString();
        err.println("Scanning " + e.kind() + " " + e.id() + " (" + location + ")");
        err.flush();
        try (Extraction x = EvidenceKinds.open(kind, location, password)) {
            return c.store.transaction(h -> {
                var writer = c.store.startScan(h, c.id(), scanId, e.deviceId(), e.id());
                ScanRows rows = new ScanRows(writer, e.deviceId());
                ExtractionScan.Outcome outcome;
                try {
                    outcome = ExtractionScan.run(x, kind, modules, source, feeds, Heuristics.installed(), new ModuleOptions(fast),
                            new Progress(err, System.console() != null, modules.size()), rows::record);
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
                rows.finish(outcome.findings());
                var v = outcome.findings().verdict();
                Level top = outcome.findings().highest();
                ScanSummary summary = writer.finish(new ScanSummary(scanId, e.id(), e.deviceId(), Version.current(), feedsKey, started,
                        Instant.now(), c.analyst, v.verdict().label(), v.rule(), v.reasons(), outcome.records(),
                        outcome.findings().detections().size(), outcome.findings().alerts().size(),
                        outcome.problems().stream().map(p -> p.describe()).toList(), null));
                if (!x.identifiers().isEmpty()) c.store.mergeIdentifiers(h, c.id(), e.deviceId(), x.identifiers());
                Map<String, Object> in = new LinkedHashMap<>();
                in.put("evidence_id", e.id());
                in.put("manifest_sha256", e.manifestSha256());
                in.put("feeds", feedHashes);
                in.put("feeds_key", feedsKey);
                Map<String, Object> outs = new LinkedHashMap<>();
                outs.put("scan_id", scanId);
                outs.put("result_sha256", summary.resultSha256());
                outs.put("verdict", summary.verdict());
                outs.put("highest_level", top == null ? "none" : top.name());
                c.ledger.append(h, c.id(), LedgerAction.SCAN, c.analyst, c.command, in, outs);
                return summary;
            });
        }
    }

    /** Where the item is read now: its vault copy, or where it was added from. */
    static Path location(OpenCase c, EvidenceInfo e) {
        return e.vaultPath() != null ? vaultItem(c, e) : Path.of(e.sourcePath());
    }

    private static Path vaultItem(OpenCase c, EvidenceInfo e) {
        Path dir = c.folder.resolve(e.vaultPath());
        Path source = Path.of(e.sourcePath());
        // A single-file item (an archive) sits in its vault folder under its own name.
        return Files.isRegularFile(dir.resolve(source.getFileName().toString())) && !Files.isDirectory(source) ? dir.resolve(source.getFileName().toString()) : dir;
    }

    /** Refuses an item whose files' sizes or modification times differ from the intake manifest. */
    private static void unchanged(OpenCase c, EvidenceInfo e, Path location) {
        if (!Files.exists(location)) {
            throw new CotejoException("its files are no longer at " + location + " (moved or removed since intake)");
        }
        Path base = Files.isDirectory(location) ? location : location.getParent();
        List<String> changed = new ArrayList<>();
        c.store.read(h -> {
            c.store.files(h, c.id(), e.id(), f -> {
                if (changed.size() >= 5) return;
                Path p = base.resolve(f.path());
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.size() != f.size() || (f.modified() != null && !a.lastModifiedTime().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                            .equals(f.modified().truncatedTo(java.time.temporal.ChronoUnit.MICROS)))) {
                        changed.add(f.path() + " (size or modification time differs from intake)");
                    }
                } catch (IOException ex) {
                    changed.add(f.path() + " (missing)");
                }
            });
            return null;
        });
        if (!changed.isEmpty()) {
            throw new CotejoException("it changed since intake: " + String.join(", ", changed) + "; run `cotejo case verify` to see every difference");
        }
    }
}
