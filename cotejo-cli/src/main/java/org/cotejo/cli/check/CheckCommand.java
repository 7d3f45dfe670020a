package org.cotejo.cli.check;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.backup.IosBackups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `cotejo check <kind> PATH`: one extraction against indicator feeds and heuristics. */
@Command(name = "check",
        header = "Check one phone extraction for spyware traces.",
        description = {
            "Reads the extraction with every artifact module for its kind, matches each observable against",
            "the indicator feeds, runs the heuristics that need no indicator, and gives a verdict:",
            "infected, attempted, inconclusive or nothing found, with the rule that led to it.",
            "Evidence is never modified: databases are read from private copies, hashes are checked."},
        subcommands = {CheckCommand.IosBackup.class},
        footer = {"", "Exit codes: 0 nothing HIGH or above, 3 HIGH or CRITICAL found, 2 user error, 1 internal error."},
        mixinStandardHelpOptions = true)
public final class CheckCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "ios-backup",
            header = "Check an iTunes/Finder backup (a folder, or a folder holding exactly one backup).",
            footer = {"", "Examples:",
                "  cotejo check ios-backup ~/backups/00008030-001A --out results/",
                "  cotejo check ios-backup BACKUP --iocs pegasus.stix2 --iocs predator.stix2",
                "  cotejo check ios-backup BACKUP --module SMS --module SafariHistory",
                "  cotejo check ios-backup --list-modules"},
            mixinStandardHelpOptions = true)
    static final class IosBackup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..1", description = "The backup folder.")
        Path path;

        @Mixin
        CheckOptions options;

        @Override
        public Integer call() throws Exception {
            return CheckRun.execute(spec, EvidenceKind.IOS_BACKUP, path, options, IosBackups::open);
        }
    }
}
