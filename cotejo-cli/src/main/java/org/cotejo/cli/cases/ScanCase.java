package org.cotejo.cli.cases;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cotejo.cli.check.CheckRun;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.ios.backup.PasswordSource;
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
            String deviceId = device == null ? null : c.store.read(h -> c.store.findDevice(h, c.id(), device))
                    .orElseThrow(() -> new CotejoException("the case has no device " + device)).id();
            CaseScanning.Result r = CaseScanning.scanPending(c, deviceId, PasswordSource.forCommandLine(passwordFile, System.console()), fast,
                    out, err, err);
            if (r.scanned() == 0 && r.failed() == 0) {
                out.println("Nothing to scan: every evidence item has been scanned with these feeds and this Cotejo version");
                out.flush();
                return 0;
            }
            if (r.failed() > 0) return 2;
            return r.high() ? CheckRun.FOUND_HIGH : 0;
        }
    }
}
