package org.cotejo.forensics.network.pcap;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.network.pcap.dhcp.DhcpMessage;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * DHCPv4 leases seen in a packet capture: one record per DHCPACK, saying which hardware address got
 * which IPv4 address from when. Leases also attribute later traffic: from the lease on, records of
 * that address carry the device's label (see {@code DeviceAttribution}). DHCPv6 is not read.
 *
 * <p>Fields: {@code timestamp}, {@code packet}, {@code client_mac}, {@code address} (assigned),
 * {@code host_name} (option 12 of the client's request, else of the ACK), {@code lease_seconds},
 * {@code server_ip}, {@code device} (the label the address takes from now on).
 */
public final class PcapDhcp implements ArtifactModule {
    static final String NAME = "PcapDhcp";

    @Override public String name() { return NAME; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.PCAP); }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    @Override public String description() { return "DHCP leases (hardware address, address, host name) from packet captures"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        CaptureResults.of(ctx).replay(NAME, ctx);
    }

    static Fields record(Instant time, long packet, DhcpMessage m, String hostName, String serverIp, String device) {
        return Fields.builder()
                .put("timestamp", time == null ? null : MvtTime.format(time))
                .put("packet", packet)
                .put("client_mac", m.clientMac())
                .put("address", m.yourAddress())
                .put("host_name", hostName)
                .put("lease_seconds", m.leaseTime() < 0 ? null : (Object) m.leaseTime())
                .put("server_ip", m.serverId() != null ? m.serverId() : serverIp)
                .putIfPresent("device", device)
                .build();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        String host = r.string("host_name");
        return List.of(new TimelineEvent(t, slug(), "dhcp_lease", "DHCP lease of " + r.text("address") + " to " + r.text("client_mac")
                + (host == null ? "" : " (" + host + ")") + " by " + r.text("server_ip")
                + (r.string("lease_seconds") == null ? "" : " for " + r.text("lease_seconds") + " s")));
    }
}
