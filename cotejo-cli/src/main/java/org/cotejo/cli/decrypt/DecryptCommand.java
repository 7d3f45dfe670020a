package org.cotejo.cli.decrypt;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cotejo.forensics.ios.backup.BackupDecryptor;
import org.cotejo.forensics.ios.backup.PasswordSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `cotejo decrypt`: a decrypted copy of an encrypted extraction, for tools that cannot decrypt. */
@Command(name = "decrypt", header = "Write a decrypted copy of an encrypted extraction, with a hash manifest.",
        subcommands = {DecryptCommand.IosBackup.class, DecryptCommand.AndroidBackup.class}, mixinStandardHelpOptions = true)
public final class DecryptCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "ios-backup",
            header = "Decrypt an encrypted iTunes/Finder backup into a new folder.",
            description = {
                "Writes the decrypted Manifest.db, every file present at its id[0:2]/id, and the root property",
                "lists (Manifest.plist's IsEncrypted set to false so the copy opens as a plain backup), plus",
                "cotejo-decryption.json: for every file its SHA-256 as stored in the evidence and as decrypted,",
                "and the files the manifest lists but the backup lacks. The evidence is only read. The copy is",
                "built in a hidden folder beside DIR and renamed at the end: a failure leaves nothing behind.",
                "`cotejo check ios-backup` reads encrypted backups directly; decrypting is for other tools."},
            footer = {"", "Examples:",
                "  cotejo decrypt ios-backup ~/backups/00008030-001A --out /cases/x/decrypted",
                "  COTEJO_BACKUP_PASSWORD=... cotejo decrypt ios-backup BACKUP --out DIR"},
            mixinStandardHelpOptions = true)
    static final class IosBackup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "The encrypted backup folder.")
        Path path;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
                description = "Where to write the decrypted copy (new or empty; never inside the evidence).")
        Path out;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = {"The backup password, read from this file (one line). Without it: the",
                    "COTEJO_BACKUP_PASSWORD environment variable, else a prompt without echo on a terminal."})
        Path passwordFile;

        @Override
        public Integer call() throws Exception {
            BackupDecryptor.Result r = BackupDecryptor.decrypt(path, PasswordSource.forCommandLine(passwordFile, System.console()), out);
            var w = spec.commandLine().getOut();
            w.printf("Decrypted %d files into %s%s%n", r.files(), r.folder(),
                    r.missing() + r.skipped() == 0 ? "" : " (" + r.missing() + " listed but missing from the backup, "
                            + r.skipped() + " skipped; see " + BackupDecryptor.HASH_MANIFEST + ")");
            w.flush();
            return 0;
        }
    }

    @Command(name = "android-backup",
            header = "Decrypt (and inflate) an Android backup.ab into a plain tar file.",
            description = {
                "Streams the backup's payload through AES-256 and zlib into FILE.tar, written to a hidden file",
                "beside it and renamed at the end: a failure or a wrong password leaves nothing behind. An",
                "existing file is never overwritten. Prints the SHA-256 of the backup and of the tar.",
                "`cotejo check android-backup` reads encrypted backups directly; decrypting is for other tools."},
            footer = {"", "Examples:",
                "  cotejo decrypt android-backup backup.ab --out /cases/x/backup.tar",
                "  COTEJO_BACKUP_PASSWORD=... cotejo decrypt android-backup backup.ab --out backup.tar"},
            mixinStandardHelpOptions = true)
    static final class AndroidBackup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "The .ab file.")
        Path path;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE.tar", required = true,
                description = "Where to write the tar (a new file, not the evidence itself).")
        Path out;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = {"The backup password, read from this file (one line). Without it: the",
                    "COTEJO_BACKUP_PASSWORD environment variable, else a prompt without echo on a terminal."})
        Path passwordFile;

        @Override
        public Integer call() throws Exception {
            var r = org.cotejo.forensics.android.backup.AndroidBackups.decrypt(path,
                    PasswordSource.forCommandLine(passwordFile, System.console()), out);
            var w = spec.commandLine().getOut();
            w.printf("Wrote %s (%,d bytes) from %s (%s)%n  SHA-256 of the backup: %s%n  SHA-256 of the tar:    %s%n",
                    r.tar(), r.bytes(), path, r.header().describe(), r.backupSha256(), r.tarSha256());
            w.flush();
            return 0;
        }
    }
}
