package org.cotejo.cli.check;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.network.logs.SuricataEve;
import org.cotejo.forensics.network.logs.ZeekLogs;
import org.cotejo.forensics.network.pcap.Captures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The network kinds of `cotejo check`: packet captures, Zeek logs and Suricata EVE logs. */
final class NetworkChecks {
    private NetworkChecks() {}

    @Command(name = "pcap",
            header = "Check a packet capture (pcap or pcapng), or a folder of captures read in name order.",
            description = {"Streams the capture once (never loaded whole), reassembling the start of each TCP stream:",
                "DNS responses over UDP and TCP, TLS ClientHellos (server name, ALPN, JA3, JA4), ServerHellos (JA3S),",
                "server certificates sent in clear (TLS 1.2 and earlier; TLS 1.3 encrypts them), HTTP requests,",
                "DHCP and DHCPv6 leases and one summary per TCP/UDP flow, over Ethernet, VLANs, Linux cooked or raw IP, IPv4",
                "and IPv6. A truncated or damaged capture is read up to the damage, reported by packet number."},
            footer = {"", "Examples:",
                "  cotejo check pcap pirogue-session/capture.pcapng --iocs pegasus.stix2 --out results/",
                "  cotejo check pcap wifi.pcap --device-ip 192.168.4.23=phone-A --device-ip fe80::1c2b:3aff:fe4d:5e6f=phone-A"},
            mixinStandardHelpOptions = true)
    static final class Pcap implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..1", description = "The capture file, or a folder of captures.")
        Path path;

        @Mixin
        CheckOptions options;

        @Mixin
        DeviceOptions devices;

        @Override
        public Integer call() throws Exception {
            return CheckRun.execute(spec, EvidenceKind.PCAP, path, options, devices.attach(Captures::open), devices.source());
        }
    }

    @Command(name = "zeek",
            header = "Check a folder of Zeek logs (dns, conn, ssl, http, x509; TSV or JSON lines).",
            footer = {"", "Examples:",
                "  cotejo check zeek /var/log/zeek/2024-03-21/ --iocs predator.stix2 --out results/"},
            mixinStandardHelpOptions = true)
    static final class Zeek implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The folder of Zeek logs (plain or .gz).")
        Path path;

        @Mixin
        CheckOptions options;

        @Mixin
        DeviceOptions devices;

        @Override
        public Integer call() throws Exception {
            return CheckRun.execute(spec, EvidenceKind.ZEEK, path, options, devices.attach(ZeekLogs::open), devices.source());
        }
    }

    @Command(name = "suricata",
            header = "Check a Suricata EVE JSON log (alert, dns, tls, http and flow events).",
            footer = {"", "Examples:",
                "  cotejo check suricata eve.json --iocs pegasus.stix2 --out results/"},
            mixinStandardHelpOptions = true)
    static final class Suricata implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EVE.json", arity = "0..1", description = "The EVE JSON file.")
        Path path;

        @Mixin
        CheckOptions options;

        @Mixin
        DeviceOptions devices;

        @Override
        public Integer call() throws Exception {
            return CheckRun.execute(spec, EvidenceKind.SURICATA, path, options, devices.attach(SuricataEve::open), devices.source());
        }
    }
}
