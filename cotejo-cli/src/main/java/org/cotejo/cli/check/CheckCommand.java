package org.cotejo.cli.check;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.backup.IosBackups;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.forensics.ios.fs.IosFilesystems;
import org.cotejo.forensics.ios.sysdiagnose.Sysdiagnoses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
        subcommands = {CheckCommand.IosBackup.class, CheckCommand.IosFs.class, CheckCommand.Sysdiagnose.class, CheckCommand.MvtResults.class,
            AndroidChecks.AndroidQf.class, AndroidChecks.Bugreport.class, AndroidChecks.AndroidBackup.class, AndroidChecks.IntrusionLogs.class,
            NetworkChecks.Pcap.class, NetworkChecks.Zeek.class, NetworkChecks.Suricata.class, NetlogCheck.class, PirogueCheck.class},
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
                "  COTEJO_BACKUP_PASSWORD=... cotejo check ios-backup ENCRYPTED-BACKUP --out results/",
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

        @Option(names = "--password-file", paramLabel = "FILE",
                description = {"Password of an encrypted backup, read from this file (one line). Without it: the",
                    "COTEJO_BACKUP_PASSWORD environment variable, else a prompt without echo on a terminal."})
        Path passwordFile;

        @Override
        public Integer call() throws Exception {
            PasswordSource password = PasswordSource.forCommandLine(passwordFile, System.console());
            return CheckRun.execute(spec, EvidenceKind.IOS_BACKUP, path, options, p -> IosBackups.open(p, password));
        }
    }

    @Command(name = "ios-fs",
            header = "Check a full iOS filesystem dump: a folder, or a .tar, .tar.gz/.tgz or .zip read in place.",
            footer = {"", "Examples:",
                "  cotejo check ios-fs dump.tar.gz --out results/",
                "  cotejo check ios-fs dump/ --fast --iocs pegasus.stix2"},
            mixinStandardHelpOptions = true)
    static final class IosFs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..1", description = "The dump folder or archive.")
        Path path;

        @Mixin
        CheckOptions options;

        @Override
        public Integer call() throws Exception {
            return CheckRun.execute(spec, EvidenceKind.IOS_FS, path, options, p -> IosFilesystems.open(p, null));
        }
    }

    @Command(name = "sysdiagnose",
            header = "Check an iOS sysdiagnose archive (.tar.gz) or its unpacked folder.",
            footer = {"", "Examples:",
                "  cotejo check sysdiagnose sysdiagnose_2024.03.01_10-00-00+0100_iPhone-OS_iPhone_21D61.tar.gz --out results/"},
            mixinStandardHelpOptions = true)
    static final class Sysdiagnose implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..1", description = "The sysdiagnose archive or folder.")
        Path path;

        @Mixin
        CheckOptions options;

        @Override
        public Integer call() throws Exception {
            return CheckRun.execute(spec, EvidenceKind.SYSDIAGNOSE, path, options, Sysdiagnoses::open);
        }
    }

    @Command(name = "mvt-results",
            header = "Re-check an MVT results folder (<module>.json files) with today's feeds.",
            description = {"Records are read back from the JSON MVT wrote, understood by the module of the same name,",
                "and matched and judged exactly like records read from an extraction."},
            footer = {"", "Examples:",
                "  cotejo check mvt-results old-mvt-output/ --iocs pegasus.stix2 --out rechecked/"},
            mixinStandardHelpOptions = true)
    static final class MvtResults implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The MVT results folder.")
        Path path;

        @Mixin
        CheckOptions options;

        @Override
        public Integer call() throws Exception {
            return CheckRun.execute(spec, EvidenceKind.MVT_RESULTS, path, options,
                    org.cotejo.forensics.mvt.MvtResults::open, CheckRun.MVT_RESULTS);
        }
    }
}
