package org.cotejo.cli.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.cases.custody.LedgerAction;
import org.cotejo.core.CotejoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "add-device", header = "Add a device (a phone under examination) to a case.",
        footer = {"", "Example:", "  cotejo case add-device -C cases/es-2024 --label ES-01 --platform ios --pseudonym 'Minister A'"},
        mixinStandardHelpOptions = true)
final class AddDevice implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Option(names = "--label", required = true, description = "What the analysts call it; unique in the case.")
    String label;

    @Option(names = "--platform", required = true, description = "ios or android.")
    String platform;

    @Option(names = "--pseudonym", description = "The person, pseudonymised.")
    String pseudonym;

    @Override
    public Integer call() {
        String p = platform.toLowerCase(java.util.Locale.ROOT);
        if (!p.equals("ios") && !p.equals("android")) throw new CotejoException("--platform is ios or android, not '" + platform + "'");
        try (OpenCase c = OpenCase.open(options, CaseCommand.commandLine(spec))) {
            c.refuseIfForeign("add a device to");
            DeviceInfo d = new DeviceInfo(UUID.randomUUID().toString(), label, p, pseudonym, Map.of(), Instant.now());
            c.store.transaction(h -> {
                if (c.store.findDevice(h, c.id(), label).isPresent()) {
                    throw new CotejoException("the case already has a device labelled " + label);
                }
                c.store.addDevice(h, c.id(), d);
                return c.ledger.append(h, c.id(), LedgerAction.ADD_DEVICE, c.analyst, c.command, Map.of(),
                        Map.of("device_id", d.id(), "label", label, "platform", p));
            });
            spec.commandLine().getOut().println("Added device " + label + " (" + p + ", " + d.id() + ")");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
