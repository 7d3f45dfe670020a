package org.cotejo.cli.investigate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cotejo.cases.folder.ImportedPackages;
import org.cotejo.cli.Version;
import org.cotejo.cli.cases.CaseScanning;
import org.cotejo.cli.cases.EvidenceKinds;
import org.cotejo.cli.check.CheckRun;
import org.cotejo.cli.correlate.DeviceSources;
import org.cotejo.cli.correlate.EnrichmentInput;
import org.cotejo.cli.iocs.FeedOptions;
import org.cotejo.cli.iocs.LoadedFeeds;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.Correlator;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.output.CorrelationOutputs;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.report.ReportOutputs;
import org.cotejo.report.assemble.CaseSide;
import org.cotejo.report.assemble.FolderSide;
import org.cotejo.report.assemble.PackageSide;
import org.cotejo.report.assemble.ReportAssembler;
import org.cotejo.report.assemble.SideMaterial;
import org.cotejo.report.exchange.ExchangePackages;
import org.cotejo.report.model.FeedEntry;
import org.cotejo.report.model.Mandate;
import org.cotejo.report.model.Report;
import org.cotejo.report.model.ToolEntry;

/**
 * One investigation, from inputs to files: each side read (cases scanned first, packages verified,
 * extractions checked into {@code checks/GROUP/NAME}), the devices correlated, the report assembled and
 * written with the correlation's files. Writes only into the folder it is given; the caller moves it into
 * place, so `investigate` and `demo` share every step but the choice of folder.
 */
public final class Investigation {
    /** One --case: its group, where it is, and how the report names it (the path as typed). */
    public record Input(String group, Path path, String shown) {}

    /**
     * Everything a run is told.
     *
     * @param commandLine the command line as typed, for the cases' ledger entries and the report's reproduce line
     */
    public record Settings(List<Input> inputs, FeedOptions feeds, List<Path> enrichment, CorrelationOptions options, String agency,
                    Mandate mandate, String language, String tlp, String analyst, List<String> commandLine, PasswordSource password) {}

    public record Outcome(Report report, List<Path> written) {}

    private final Settings settings;
    private final PrintWriter err;
    private LoadedFeeds feeds;

    private Investigation(Settings settings, PrintWriter err) {
        this.settings = settings;
        this.err = err;
    }

    /**
     * @param writing where files are written now
     * @param target  where they will be once moved into place (paths recorded in the outputs say this)
     */
    public static Outcome run(Settings settings, Path writing, Path target, PrintWriter err) throws IOException {
        return new Investigation(settings, err).run(writing, target);
    }

    /** Enrichment files `cotejo check` wrote from the DNS answers and certificates of network evidence met on the way. */
    private final List<Path> traffic = new ArrayList<>();

    private Outcome run(Path writing, Path target) throws IOException {
        List<SideMaterial> sides = new ArrayList<>();
        for (Input in : settings.inputs()) sides.add(side(in, writing));
        sides = sides.stream().map(s -> relocate(s, writing, target)).toList();
        List<DeviceEvidence> devices = ReportAssembler.devices(sides);
        if (devices.isEmpty()) throw new CotejoException("no scanned devices or device results found in the inputs given");
        progress("Correlating %d devices", devices.size());
        var facts = EnrichmentInput.load(settings.enrichment(), traffic, err);
        CorrelationResult result = Correlator.correlate(devices, facts, settings.options());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var request = new ReportAssembler.Request(settings.agency(), settings.mandate(), settings.language(), settings.tlp(), now,
                Version.current(), tools(), runFeeds(), String.join(" ", settings.commandLine()));
        Report report = ReportAssembler.assemble(request, sides, result);
        progress("Writing the report (%d files) and the correlation's files", ReportOutputs.writers().size());
        List<Path> written = new ArrayList<>(ReportOutputs.writeAll(report, writing));
        CorrelationOutputs.write(writing, result);
        for (String f : List.of(CorrelationOutputs.CLUSTERS, CorrelationOutputs.LINKS, CorrelationOutputs.PIVOTS)) written.add(writing.resolve(f));
        return new Outcome(report, written);
    }

    private SideMaterial side(Input in, Path writing) throws IOException {
        return switch (InputKinds.of(in.path())) {
            case CASE -> {
                progress("%s: case %s: scanning evidence not yet scanned", in.group(), in.shown());
                if (ImportedPackages.folderOf(in.path()).isPresent()) yield foreign(in);
                PrintWriter quiet = new PrintWriter(Writer.nullWriter());
                CaseScanning.Result r = CaseScanning.scanPending(in.path(), settings.analyst(), settings.commandLine(), settings.password(), quiet,
                        err, quiet);
                if (r.failed() > 0) throw new CotejoException("case " + in.shown() + ": " + r.failed() + " evidence item(s) could not be scanned (named above)");
                if (r.scanned() > 0) progress("%s: %d evidence item(s) scanned", in.group(), r.scanned());
                yield CaseSide.read(in.group(), in.path(), err);
            }
            case PACKAGE -> {
                progress("%s: verifying exchange package %s", in.group(), in.shown());
                yield PackageSide.of(in.group(), in.shown(), ExchangePackages.open(in.path()));
            }
            case MATERIAL -> material(in, writing);
        };
    }

    /** A foreign case (imported from a package) is read-only and holds the package: it is verified again and read like one. */
    private SideMaterial foreign(Input in) {
        Path pkg = ImportedPackages.folderOf(in.path()).orElseThrow();
        progress("%s: case %s was imported from an exchange package; verifying and reading the package", in.group(), in.shown());
        return PackageSide.of(in.group(), in.shown(), ExchangePackages.open(pkg));
    }

    private SideMaterial material(Input in, Path writing) throws IOException {
        InputKinds.Material m = InputKinds.material(in.path());
        String group = in.group().isEmpty() ? String.valueOf(in.path().toAbsolutePath().normalize().getFileName()) : in.group();
        group = group.toUpperCase(Locale.ROOT);
        List<DeviceEvidence> devices = new ArrayList<>();
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        for (Path r : m.results()) {
            progress("%s: reading results %s", group, r);
            devices.addAll(DeviceSources.load(group, r, feeds(), quiet, traffic));
        }
        Set<String> names = new HashSet<>();
        for (InputKinds.FoundExtraction x : m.extractions()) {
            String name = x.name().replaceAll("[^A-Za-z0-9._-]", "_");
            for (int k = 2; !names.add(name); k++) name = x.name() + "-" + k;
            Path out = writing.resolve("checks").resolve(group.replaceAll("[^A-Za-z0-9._-]", "_")).resolve(name);
            progress("%s: checking %s %s", group, x.kind().label(), in.path().relativize(x.path()).toString().isEmpty() ? in.shown()
                    : in.shown() + "/" + in.path().relativize(x.path()));
            CheckRun.checkInto(x.kind(), x.path(), p -> EvidenceKinds.open(x.kind(), p, settings.password()), feeds(), out, quiet, quiet);
            devices.addAll(DeviceSources.load(group, out, feeds(), quiet, traffic));
        }
        return FolderSide.of(group, in.shown(), devices);
    }

    /** Folders' results are matched against the run's feeds, loaded once when first needed. */
    private LoadedFeeds feeds() {
        if (feeds == null) feeds = LoadedFeeds.load(settings.feeds());
        return feeds;
    }

    private List<FeedEntry> runFeeds() {
        if (feeds == null) return List.of();
        List<FeedEntry> out = new ArrayList<>();
        for (Feed f : feeds.feeds()) {
            Path file = Path.of(f.file());
            String name = file.getFileName() == null ? f.file() : file.getFileName().toString();
            out.add(new FeedEntry(name, f.sha256(), f.format(), f.file().startsWith("bundled") ? "bundled" : "given to this run", null,
                    f.indicators().size(), null));
        }
        return out;
    }

    private static List<ToolEntry> tools() {
        return List.of(new ToolEntry("Cotejo", Version.current(), "analysis"),
                new ToolEntry("Java", Runtime.version().toString() + " (" + System.getProperty("java.vendor", "") + ")", "runtime"));
    }

    /** Paths under the folder being written, restated as where they will be once it is moved into place. */
    private static SideMaterial relocate(SideMaterial s, Path writing, Path target) {
        String from = writing.toAbsolutePath().normalize().toString();
        String to = target.toAbsolutePath().normalize().toString();
        List<DeviceEvidence> devices = new ArrayList<>();
        for (DeviceEvidence e : s.devices()) {
            devices.add(new DeviceEvidence(e.device(), e.verdict(), e.sightings(),
                    e.sources().stream().map(x -> x.startsWith(from) ? to + x.substring(from.length()) : x).toList()));
        }
        return new SideMaterial(s.side(), devices, s.entries(), s.feeds());
    }

    private void progress(String format, Object... args) {
        err.println(String.format(Locale.ROOT, format, args));
        err.flush();
    }
}
