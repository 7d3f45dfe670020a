package org.cotejo.cli.check;

import java.util.ArrayList;
import java.util.List;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.network.attribution.DeviceAddresses;
import picocli.CommandLine.Option;

/**
 * {@code --device-ip}, for the network checks: which addresses are which device. The addresses reach
 * the modules attached to the extraction (capture modules also learn DHCP and DHCPv6 leases); records of log
 * modules are labelled as they stream by ({@link DeviceAddresses#attributing}).
 */
public final class DeviceOptions {
    @Option(names = "--device-ip", paramLabel = "ADDR[=LABEL]",
            description = {"An address of the device under examination during the capture, with the label its records",
                "get in a 'device' field (default: the address). Repeatable. Captures also learn addresses from",
                "DHCP and DHCPv6 leases: a lease of a given address carries its label to the device's later addresses."})
    List<String> deviceIps = new ArrayList<>();

    DeviceAddresses addresses() {
        return DeviceAddresses.parse(deviceIps);
    }

    /** The opener, attaching the addresses to what it opens. */
    EvidenceOpener attach(EvidenceOpener opener) {
        DeviceAddresses a = addresses();
        return path -> {
            Extraction x = opener.open(path);
            return a.isEmpty() ? x : x.with(DeviceAddresses.class, a);
        };
    }

    /** The modules' record source, labelling records that hold one of the addresses. */
    CheckRun.RecordSource source() {
        DeviceAddresses a = addresses();
        return (x, modules, options, listener) -> CheckRun.MODULES.run(x, modules, options, a.attributing(listener));
    }
}
