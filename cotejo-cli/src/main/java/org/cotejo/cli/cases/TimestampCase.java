package org.cotejo.cli.cases;

import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "timestamp", header = "Have an RFC 3161 time-stamping authority sign the ledger head (the only case command that uses the network).",
        footer = {"", "Example:", "  cotejo case timestamp -C cases/es-2024 --tsa https://freetsa.org/tsr"},
        mixinStandardHelpOptions = true)
final class TimestampCase implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Option(names = "--tsa", required = true, paramLabel = "URL", description = "The authority's URL.")
    URI tsa;

    @Override
    public Integer call() {
        try (OpenCase c = OpenCase.open(options, CaseCommand.commandLine(spec))) {
            var entry = c.store.transaction(h -> c.ledger.timestamp(h, c.id(), tsa, c.analyst, c.command));
            spec.commandLine().getOut().println("Ledger head time-stamped by " + tsa + "; recorded as entry " + entry.seq());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
