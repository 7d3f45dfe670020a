package org.cotejo.cli.cases;

import java.io.IOException;
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
import java.util.concurrent.Callable;
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
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Heuristics;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Modules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scan",
        header = "Scan every evidence item not yet scanned with the case's current feeds and this Cotejo version.",
        description = {"Each item is checked against its intake manifest (size and modification time of every file),",
            "read and judged like `cotejo check`, and stored with its ledger entry in one transaction: a scan that is",
            "killed leaves the case as it was before that item, and running `case scan` again resumes."},
        footer = {"", "Examples:", "  cotejo case scan -C cases/es-2024", "  cotejo case scan -C cases/es-2024 --device ES-01 --password-file pw.txt"},
        mixinStandardHelpOptions = true)
final class ScanCase implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Option(names = "--device", paramLabel = "LABEL", description = "Only this device's evidence.")
    String device;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password of encrypted backups (else COTEJO_BACKUP_PASSWORD, else a prompt).")
    Path passwordFile;

    @Option(names = "--fast", description = "Skip the slow filesystem-wide searches.")
    boolean fast;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try (OpenCase c = OpenCase.open(options, CaseCommand.commandLine(spec))) {
            c.refuseIfForeign("scan");
            List<FeedInfo> feeds = c.store.read(h -> c.store.feeds(h, c.id()));
            if (feeds.isEmpty()) throw new CotejoException("the case has no indicator feeds; pin them with `cotejo case add-iocs`");
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
            String deviceId = device == null ? null : c.store.read(h -> c.store.findDevice(h, c.id(), device))
                    .orElseThrow(() -> new CotejoException("the case has no device " + device)).id();
            List<EvidenceInfo> todo = new ArrayList<>();
            for (EvidenceInfo e : c.store.read(h -> c.store.evidence(h, c.id()))) {
                if (deviceId != null && !e.deviceId().equals(deviceId)) continue;
                if (!c.store.read(h -> c.store.scanned(h, c.id(), e.id(), Version.current(), feedsKey))) todo.add(e);
            }
            if (todo.isEmpty()) {
                out.println("Nothing to scan: every evidence item has been scanned with these feeds and this Cotejo version");
                out.flush();
                return 0;
            }
            LoadedFeeds loaded = LoadedFeeds.fromFiles(feedFiles);
            PasswordSource password = PasswordSource.forCommandLine(passwordFile, System.console());
            int failed = 0;
            boolean high = false;
            for (EvidenceInfo e : todo) {
                try {
                    ScanSummary s = scanOne(c, e, loaded, feedsKey, hashes, password, err);
                    out.printf(Locale.ROOT, "%s (%s): %s — %,d records, %d detections, %d alerts%n", e.id(), e.kind(),
                            s.verdict().toUpperCase(Locale.ROOT), s.records(), s.detections(), s.alerts());
                    high |= s.verdict().equals("infected") || s.verdict().equals("inconclusive") || s.verdict().equals("attempted");
                } catch (CotejoException ex) {
                    failed++;
                    err.println("cotejo: evidence " + e.id() + " not scanned: " + ex.getMessage());
                }
                out.flush();
            }
            if (failed > 0) return 2;
            return high ? CheckRun.FOUND_HIGH : 0;
        }
    }

    private ScanSummary scanOne(OpenCase c, EvidenceInfo e, LoadedFeeds feeds, String feedsKey, List<String> feedHashes,
                                PasswordSource password, java.io.PrintWriter err) throws IOException {
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
