package org.cotejo.cli.check;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.network.pirogue.PirogueSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `cotejo check pirogue`: a PiRogue capture session folder as one evidence item. */
@Command(name = "pirogue",
        header = "Check a PiRogue capture session folder (traffic.pcap, sslkeylog.txt, eve.json, experiment.json).",
        description = {"The capture and the Suricata EVE log are read by the pcap and Suricata modules as parts of one",
            "evidence item (provenance reads traffic.pcap::…); the TLS key log is recorded (how many secrets, for how many",
            "sessions; the secrets are not copied, and the traffic is not decrypted); experiment.json gives the capture",
            "start and device.json the phone's serial number and model."},
        footer = {"", "Examples:",
            "  cotejo check pirogue ~/pirogue/session-2025-01-01/ --iocs pegasus.stix2 --out results/"},
        mixinStandardHelpOptions = true)
final class PirogueCheck implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The session folder.")
    Path path;

    @Mixin
    CheckOptions options;

    @Mixin
    DeviceOptions devices;

    @Override
    public Integer call() throws Exception {
        return CheckRun.execute(spec, EvidenceKind.PIROGUE, path, options, devices.attach(PirogueSessions::open), devices.source());
    }
}
