package org.cotejo.cli.investigate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cotejo.cli.check.CheckRun;
import org.cotejo.cli.check.OutputFolder;
import org.cotejo.cli.correlate.CorrelateCommand.Grouped;
import org.cotejo.cli.correlate.CorrelationFlags;
import org.cotejo.cli.iocs.FeedOptions;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.report.assemble.MandateFile;
import org.cotejo.report.model.Mandate;
import org.cotejo.report.text.ReportLanguage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `cotejo investigate`: both sides' material in, the expert report and its machine outputs out. */
@Command(name = "investigate",
        header = "Compare the devices of several cases or countries and write the expert report: intake, scan, correlate, report.",
        description = {
            "Each --case GROUP=PATH is one side of the comparison. PATH may be a case folder (its evidence not yet scanned",
            "is scanned first, with its pinned feeds; the ledger records it), an exchange package received from another",
            "authority (verified before anything is read: signature and every file's SHA-256), or a folder of extractions,",
            "`cotejo check` output folders or MVT results folders (each extraction is checked like `cotejo check`, its",
            "results kept under OUT/checks/GROUP/; folders are matched against --iocs, else the bundled feeds, while cases",
            "keep their pinned feeds and packages the sender's). The devices are then correlated like `cotejo correlate`, and the report",
            "is written: report.html, report.pdf, report.json, the STIX 2.1 bundle, the MISP event, the Timesketch timeline,",
            "with clusters.json, links.json and pivots.json. Everything is written into a hidden sibling folder and moved into",
            "place at the end: a run that fails leaves nothing. See docs/investigate.md."},
        footer = {"", "Examples:",
            "  cotejo investigate --case ES=cases/es-2024 --case FR=received/fr-eio-118 --out report/ --lang es",
            "  cotejo investigate --case ES=cases/es-2024 --case FR=fr-extractions/ --iocs pegasus.stix2 \\",
            "      --enrichment enrichment/ --mandate mandate.json --agency CCN-CERT --tlp amber --out report/",
            "", "Exit codes: 0 nothing found, 3 a device infected, attempted or inconclusive, 2 user error, 1 internal error."},
        mixinStandardHelpOptions = true)
public final class InvestigateCommand implements Callable<Integer> {
    static final List<String> TLPS = List.of("clear", "green", "amber", "amber+strict", "red");

    @Spec
    CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "GROUP=PATH",
            description = "One side: a case folder, an exchange package, or a folder of extractions or results. Repeatable.")
    List<String> cases = new ArrayList<>();

    @Mixin
    FeedOptions feeds;

    @Option(names = "--enrichment", paramLabel = "FILE|DIR", description = "Passive DNS, WHOIS, TLS or prefix-to-ASN files (see docs/enrichment.md). Repeatable.")
    List<Path> enrichment = new ArrayList<>();

    @Mixin
    CorrelationFlags correlation;

    @Option(names = "--mandate", paramLabel = "FILE", description = "The mandate: court, proceedings, instrument, questions (JSON; see docs/investigate.md).")
    Path mandate;

    @Option(names = "--agency", paramLabel = "NAME", description = "The authority issuing the report (default: the first case's agency).")
    String agency;

    @Option(names = "--tlp", paramLabel = "LEVEL", defaultValue = "amber", description = "TLP 2.0 marking: clear, green, amber, amber+strict, red (default ${DEFAULT-VALUE}).")
    String tlp;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "Language of the report: es, fr or en (default ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--analyst", paramLabel = "NAME", description = "Who runs it, for the cases' ledger entries (default: COTEJO_ANALYST, else the system user).")
    String analyst;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password of encrypted backups (else COTEJO_BACKUP_PASSWORD, else a prompt).")
    Path passwordFile;

    @Option(names = "--force", description = "Replace --out when it exists and is not empty.")
    boolean force;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Where the report goes (a new or empty folder, unless --force).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Investigation.Settings settings = settings(checkedLanguage(lang), checkedTlp(tlp));
        List<Path> inputs = new ArrayList<>();
        settings.inputs().forEach(i -> inputs.add(i.path()));
        inputs.addAll(enrichment);
        inputs.addAll(feeds.files());
        if (mandate != null) inputs.add(mandate);
        OutputFolder folder = OutputFolder.prepare(out, inputs, force);
        try {
            Investigation.Outcome o = Investigation.run(settings, folder.writing(), folder.target(), err);
            folder.commit();
            InvestigationSummary.print(w, o.report(), folder.target());
            return InvestigationSummary.serious(o.report()) ? CheckRun.FOUND_HIGH : 0;
        } catch (Exception | Error e) {
            folder.discard();
            throw e;
        }
    }

    private Investigation.Settings settings(String language, String marking) throws java.io.IOException {
        List<Investigation.Input> inputs = new ArrayList<>();
        for (String c : cases) {
            Grouped g = Grouped.parse(c);
            inputs.add(new Investigation.Input(g.group().toUpperCase(Locale.ROOT), g.path(), g.path().toString()));
        }
        Mandate m = mandate == null ? Mandate.notStated() : MandateFile.read(mandate);
        List<String> commandLine = new ArrayList<>(List.of("cotejo", "investigate"));
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
        String who = analyst != null && !analyst.isBlank() ? analyst.strip()
                : System.getenv("COTEJO_ANALYST") != null ? System.getenv("COTEJO_ANALYST") : System.getProperty("user.name");
        return new Investigation.Settings(inputs, feeds, enrichment, correlation.options(), agency == null ? "" : agency, m, language,
                marking, who, commandLine, PasswordSource.forCommandLine(passwordFile, System.console()));
    }

    /** The report language's code; an unknown one is the report module's user error, naming the languages there are. */
    public static String checkedLanguage(String lang) {
        return ReportLanguage.of(lang).code();
    }

    static String checkedTlp(String tlp) {
        String t = tlp.strip().toLowerCase(Locale.ROOT).replace("tlp:", "");
        if (!TLPS.contains(t)) throw new CotejoException("unknown TLP level '" + tlp + "' for --tlp; use clear, green, amber, amber+strict or red");
        return t;
    }
}
