package org.cotejo.cli.cases;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.FeedInfo;
import org.cotejo.cases.custody.LedgerAction;
import org.cotejo.cases.folder.ImportedPackages;
import org.cotejo.cli.Version;
import org.cotejo.cli.investigate.InvestigateCommand;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.Correlator;
import org.cotejo.correlation.enrich.Enrichment;
import org.cotejo.correlation.output.CorrelationOutputs;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.report.ReportOutputs;
import org.cotejo.report.assemble.CaseExport;
import org.cotejo.report.assemble.CaseSide;
import org.cotejo.report.assemble.ReportAssembler;
import org.cotejo.report.assemble.SideMaterial;
import org.cotejo.report.exchange.PackageFile;
import org.cotejo.report.exchange.PackageHeader;
import org.cotejo.report.exchange.PackageWriter;
import org.cotejo.report.exchange.Pseudonyms;
import org.cotejo.report.exchange.SharingFilter;
import org.cotejo.report.model.Mandate;
import org.cotejo.report.model.Report;
import org.cotejo.report.model.ToolEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export",
        header = "Write an exchange package of the case for another authority: report, indicators and findings the sharing allows, signed.",
        description = {"The case's scanned devices leave under pseudonyms, with every indicator match and the trace metadata the TLP",
            "marking allows; message texts, contact names and other personal content stay (a lure leaves as its one matching value).",
            "The package holds the report of this one case (report.json and its renderings, STIX, MISP, timeline), each device's",
            "evidence and findings, the pinned feeds, and with --include-extractions the extractions' files; manifest.json lists",
            "every file with its SHA-256 and manifest.sig signs it with this installation's key. The export is a ledger entry.",
            "The recipient checks it with `cotejo package verify` and reads it with `cotejo investigate --case GROUP=PACKAGE`",
            "or `cotejo case import-package`. See docs/exchange.md."},
        footer = {"", "Example:", "  cotejo case export -C cases/fr-2024 --for CCN-CERT --tlp amber --out to-spain/"},
        mixinStandardHelpOptions = true)
final class ExportCase implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Option(names = "--for", required = true, paramLabel = "AUTHORITY", description = "The authority the package is made for.")
    String recipient;

    @Option(names = "--tlp", required = true, paramLabel = "LEVEL", description = "TLP 2.0 marking: clear, green, amber, amber+strict or red.")
    String tlp;

    @Option(names = "--include-extractions", description = "Also put every file of every evidence item in the package (large; the recipient can re-examine them).")
    boolean includeExtractions;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "Language of the report in the package: es, fr or en (default ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The package folder (new or empty).")
    Path out;

    @Override
    public Integer call() throws Exception {
        String language = InvestigateCommand.checkedLanguage(lang);
        Tlp marking = Tlp.parse(tlp).orElseThrow(() -> new CotejoException("unknown TLP level '" + tlp + "' for --tlp; use clear, green, amber,"
                + " amber+strict or red"));
        Path caseDir = options.caseDir;
        if (ImportedPackages.folderOf(caseDir).isPresent()) {
            throw new CotejoException(caseDir + " is a foreign case imported from a package; forward the package itself, it keeps the sender's signature");
        }
        if (out.toAbsolutePath().normalize().startsWith(caseDir.toAbsolutePath().normalize())) {
            throw new CotejoException("--out " + out + " is inside the case folder; write the package elsewhere");
        }
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SideMaterial side = CaseSide.read("", caseDir, err);
        if (side.devices().isEmpty()) throw new CotejoException("the case has no scanned device to export; run `cotejo case scan` first");
        try (OpenCase c = OpenCase.open(options, CaseCommand.commandLine(spec)); WorkArea work = WorkArea.create()) {
            var key = OpenCase.installationKey();
            SideMaterial shared = CaseExport.shared(side, new SharingFilter(marking, Pseudonyms.keyed(key, c.id())));
            CorrelationResult result = Correlator.correlate(shared.devices(), Enrichment.none(), CorrelationOptions.defaults());
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            var request = new ReportAssembler.Request(c.info.agency(), Mandate.notStated(), language, marking.tlp2Name(), now, Version.current(),
                    List.of(new ToolEntry("Cotejo", Version.current(), "analysis"), new ToolEntry("Java", Runtime.version().toString(), "runtime")),
                    List.of(), String.join(" ", CaseCommand.commandLine(spec)));
            Report report = ReportAssembler.assemble(request, List.of(shared), result);
            Path reportDir = work.newFolder("report");
            ReportOutputs.writeAll(report, reportDir);
            CorrelationOutputs.write(reportDir, result);
            List<Path> feeds = new ArrayList<>();
            for (FeedInfo f : c.store.read(h -> c.store.feeds(h, c.id()))) feeds.add(c.folder.resolve(f.storedPath()));
            List<PackageFile> files = new ArrayList<>(CaseExport.files(shared, reportDir, feeds));
            if (includeExtractions) files.addAll(extractions(c));
            String instrument = side.side().legalBasis();
            var header = new PackageHeader(c.info.agency(), recipient, marking, now, c.id(), c.info.name(), c.info.reference(), instrument,
                    Version.current());
            PackageWriter.Written written = PackageWriter.write(header, files, key, out);
            c.store.transaction(h -> {
                Map<String, Object> in = new LinkedHashMap<>();
                in.put("recipient", recipient);
                in.put("tlp", marking.tlp2Name());
                in.put("devices", shared.devices().size());
                in.put("include_extractions", includeExtractions);
                Map<String, Object> outs = new LinkedHashMap<>();
                outs.put("package", written.folder().toString());
                outs.put("manifest_sha256", written.manifestSha256());
                outs.put("key_id", written.keyId());
                outs.put("files", files.size());
                return c.ledger.append(h, c.id(), LedgerAction.EXPORT, c.analyst, c.command, in, outs);
            });
            w.printf(Locale.ROOT, "Wrote exchange package for %s (TLP:%s): %d devices, %d files, manifest SHA-256 %s, signed by key %s…%n",
                    recipient, marking.tlp2Name().toUpperCase(Locale.ROOT), shared.devices().size(), files.size(), written.manifestSha256(),
                    written.keyId().substring(0, 16));
            w.println("Package: " + written.folder());
            w.flush();
            return 0;
        }
    }

    /** Every file of every evidence item, under extractions/EVIDENCE-ID/, copied as it is. */
    private static List<PackageFile> extractions(OpenCase c) {
        List<PackageFile> out = new ArrayList<>();
        for (EvidenceInfo e : c.store.read(h -> c.store.evidence(h, c.id()))) {
            Path location = CaseScanning.location(c, e);
            Path base = Files.isDirectory(location) ? location : location.getParent();
            List<EvidenceFile> files = new ArrayList<>();
            c.store.read(h -> {
                c.store.files(h, c.id(), e.id(), files::add);
                return null;
            });
            for (EvidenceFile f : files) {
                out.add(PackageFile.copyOf("extractions/" + e.id() + "/" + f.path().replace('\\', '/'), PackageFile.ROLE_EXTRACTION, base.resolve(f.path())));
            }
        }
        return out;
    }
}
