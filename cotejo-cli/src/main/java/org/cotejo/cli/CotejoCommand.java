package org.cotejo.cli;

import org.cotejo.cli.bench.BenchCommand;
import org.cotejo.cli.iocs.IocsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "cotejo",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        header = "Cotejo: mobile-spyware forensics and attribution.",
        description = {
            "Checks phone extractions and network evidence against indicators of compromise,",
            "correlates infections across devices and cases, and writes reports a court can rely on.",
            "Analysis never touches the network; evidence is never modified."},
        subcommands = {DemoCommand.class, org.cotejo.cli.investigate.InvestigateCommand.class, org.cotejo.cli.check.CheckCommand.class, org.cotejo.cli.decrypt.DecryptCommand.class,
            org.cotejo.cli.cases.CaseCommand.class, org.cotejo.cli.correlate.CorrelateCommand.class,
            org.cotejo.cli.correlate.SimulateCommand.class, IocsCommand.class, org.cotejo.cli.exchange.PackageCommand.class,
            BenchCommand.class, HelpCommand.class},
        footer = {"", "Examples:",
            "  cotejo demo                                   a whole investigation on bundled sample data",
            "  cotejo investigate --case ES=cases/es --case FR=received/fr --out report/",
            "                                                compare two countries' devices and write the report",
            "  cotejo check ios-backup BACKUP --out results/  check an iPhone backup",
            "  cotejo iocs check evil.example hxxps://x[.]y/z check values against the bundled feeds",
            "  cotejo iocs info --iocs pegasus.stix2          what a feed holds",
            "  cotejo package verify received/fr-2024         check an exchange package from another authority",
            "  cotejo help iocs check                         help for one command",
            "", "Exit codes: 0 success, 2 user error (bad input, missing file), 1 internal error;",
            "  `cotejo check` exits 3 when it finds anything HIGH or CRITICAL, `cotejo investigate` when a device is",
            "  infected, attempted or inconclusive."})
public final class CotejoCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
