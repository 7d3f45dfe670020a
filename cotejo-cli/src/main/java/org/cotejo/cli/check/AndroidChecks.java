package org.cotejo.cli.check;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cotejo.forensics.android.backup.AndroidBackups;
import org.cotejo.forensics.android.bugreport.Bugreports;
import org.cotejo.forensics.android.intrusion.IntrusionLogs;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.backup.PasswordSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The Android kinds of `cotejo check`: AndroidQF collections, bugreports, backups and intrusion logs. */
final class AndroidChecks {
    private AndroidChecks() {}

    /** The password of an encrypted backup.ab, asked for only when one is encrypted. */
    static final class BackupPassword {
        @Option(names = "--password-file", paramLabel = "FILE",
                description = {"Password of an encrypted backup.ab, read from this file (one line). Without it: the",
                    "COTEJO_BACKUP_PASSWORD environment variable, else a prompt without echo on a terminal.",
                    "Asked for only when the backup is encrypted."})
        Path passwordFile;

        PasswordSource source() {
            return PasswordSource.forCommandLine(passwordFile, System.console());
        }
    }


    @Command(name = "androidqf",
            header = "Check an AndroidQF collection: its folder, or its .zip read in place.",
            description = {"Reads packages (with file hashes and signing certificates), processes, properties, settings,",
                "files, root binaries, mounts and log times, then what the collection holds inside: its",
                "bugreport.zip (or dumpsys.txt), its backup.ab (SMS) and its intrusion_logs/."},
            footer = {"", "Examples:",
                "  cotejo check androidqf ~/acquisitions/3f2a9c/ --out results/",
                "  cotejo check androidqf 3f2a9c.zip --iocs predator.stix2 --iocs stalkerware.misp.json",
                "  COTEJO_BACKUP_PASSWORD=... cotejo check androidqf COLLECTION --out results/"},
            mixinStandardHelpOptions = true)
    static final class AndroidQf implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..1", description = "The AndroidQF folder or .zip.")
        Path path;

        @Mixin
        CheckOptions options;

        @Mixin
        BackupPassword password;

        @Override
        public Integer call() throws Exception {
            PasswordSource source = password.source();
            return CheckRun.execute(spec, EvidenceKind.ANDROIDQF, path, options, p -> org.cotejo.forensics.android.AndroidCollections.open(p, source));
        }
    }

    @Command(name = "bugreport",
            header = "Check an Android bugreport: its .zip, or the unpacked folder.",
            description = {"Reads the dumpstate's dumpsys sections (packages, accessibility, appops, battery, dbinfo,",
                "receivers, activities, ADB, platform compat), the system properties, tombstones and file times."},
            footer = {"", "Examples:",
                "  cotejo check bugreport bugreport-a52-2024-03-21-11-07-22.zip --out results/"},
            mixinStandardHelpOptions = true)
    static final class Bugreport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..1", description = "The bugreport .zip or folder.")
        Path path;

        @Mixin
        CheckOptions options;

        @Override
        public Integer call() throws Exception {
            return CheckRun.execute(spec, EvidenceKind.BUGREPORT, path, options, Bugreports::open);
        }
    }

    @Command(name = "android-backup",
            header = "Check an Android backup (adb backup's .ab, plain or encrypted), or its unpacked folder.",
            description = {"The tar inside is decrypted and inflated as a stream into a private work area, never beside",
                "the evidence, and read from there (SMS and MMS backups)."},
            footer = {"", "Examples:",
                "  cotejo check android-backup backup.ab --out results/",
                "  cotejo check android-backup backup.ab --password-file pw.txt --iocs rcs-lab.stix2"},
            mixinStandardHelpOptions = true)
    static final class AndroidBackup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..1", description = "The .ab file, or an unpacked backup folder.")
        Path path;

        @Mixin
        CheckOptions options;

        @Mixin
        BackupPassword password;

        @Override
        public Integer call() throws Exception {
            PasswordSource source = password.source();
            return CheckRun.execute(spec, EvidenceKind.ANDROID_BACKUP, path, options, p -> AndroidBackups.open(p, source));
        }
    }

    @Command(name = "intrusion-logs",
            header = "Check an Android intrusion-logging export (Android 16 Advanced Protection): a folder or .zip.",
            description = {"Reads every *.txt (NDJSON), also inside nested .zip files: DNS queries, connections and",
                "security events. Event times are UTC epochs in the export itself."},
            footer = {"", "Examples:",
                "  cotejo check intrusion-logs intrusion_logs.zip --iocs pegasus.stix2 --out results/"},
            mixinStandardHelpOptions = true)
    static final class IntrusionLogs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..1", description = "The export folder or .zip.")
        Path path;

        @Mixin
        CheckOptions options;

        @Override
        public Integer call() throws Exception {
            return CheckRun.execute(spec, EvidenceKind.INTRUSION_LOGS, path, options,
                    org.cotejo.forensics.android.intrusion.IntrusionLogs::open);
        }
    }
}
