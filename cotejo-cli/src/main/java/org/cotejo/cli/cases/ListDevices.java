package org.cotejo.cli.cases;

import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cotejo.cases.ScanSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "devices", header = "The case's devices, their identifiers, evidence and latest verdicts.", mixinStandardHelpOptions = true)
final class ListDevices implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (OpenCase c = OpenCase.open(options, CaseCommand.commandLine(spec))) {
            c.store.read(h -> {
                var evidence = c.store.evidence(h, c.id());
                var scans = c.store.scans(h, c.id());
                out.printf(Locale.ROOT, "%-12s %-8s %-20s %8s  %-14s %s%n", "label", "platform", "pseudonym", "evidence", "verdict", "identifiers");
                for (var d : c.store.devices(h, c.id())) {
                    long items = evidence.stream().filter(e -> e.deviceId().equals(d.id())).count();
                    String verdict = scans.stream().filter(s -> s.deviceId().equals(d.id()))
                            .max(Comparator.comparing(ScanSummary::finishedAt)).map(ScanSummary::verdict).orElse("not scanned");
                    out.printf(Locale.ROOT, "%-12s %-8s %-20s %8d  %-14s %s%n", d.label(), d.platform(),
                            d.pseudonym() == null ? "" : d.pseudonym(), items, verdict, d.identifiers());
                }
                return null;
            });
            out.flush();
            return 0;
        }
    }
}
