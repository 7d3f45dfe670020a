package org.cotejo.cli.cases;

import java.util.concurrent.Callable;
import org.cotejo.cases.custody.Ledger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "log", header = "The custody ledger: every action on the case, who, when, with which command and hashes.",
        mixinStandardHelpOptions = true)
final class CaseLog implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (OpenCase c = OpenCase.open(options, CaseCommand.commandLine(spec))) {
            for (var e : c.store.read(h -> Ledger.entries(h, c.id()))) {
                out.println(e.seq() + "  " + e.time() + "  " + e.action() + "  by " + (e.analyst() == null ? "-" : e.analyst())
                        + " (" + e.osUser() + ", Cotejo " + e.toolVersion() + ")");
                out.println("    " + e.command());
                out.println("    in " + e.inputs() + "  out " + e.outputs());
                out.println("    hash " + e.entryHash() + "  key " + e.keyId().substring(0, 16) + "…"
                        + (e.tsaToken() == null ? "" : "  time-stamped"));
            }
            out.flush();
            return 0;
        }
    }
}
