package org.cotejo.forensics.network.pcap;

import java.time.Instant;
import java.util.List;
import org.cotejo.forensics.network.pcap.dhcp.Dhcp6Leases;
import org.cotejo.forensics.network.pcap.dhcp.Dhcp6Message;
import org.cotejo.forensics.network.pcap.dhcp.DhcpMessage;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * DHCP leases seen in a packet capture: one record per DHCPv4 DHCPACK, and one per address a DHCPv6
 * REPLY grants (see {@code Dhcp6Leases} for which REPLYs grant), saying which device got which address
 * from when. Leases also attribute later traffic: from the lease on, records of that address carry the
 * device's label (see {@code DeviceAttribution}). A DHCPv6 client is known by the hardware address in
 * its DUID (DUID-LLT or DUID-LL of an Ethernet address), else by {@code duid:HEX}, so a device's IPv4
 * and IPv6 leases share its label when its DUID carries its MAC.
 *
 * <p>Fields: {@code timestamp}, {@code packet}, {@code protocol} ({@code dhcpv4} or {@code dhcpv6}),
 * {@code client_mac} (DHCPv6: from the client DUID, null when it carries none), {@code address}
 * (assigned), {@code host_name} (DHCPv4: option 12 of the client's request, else of the ACK; DHCPv6:
 * the Client FQDN option of the client's latest request, else of the REPLY), {@code lease_seconds}
 * (DHCPv6: the address's valid lifetime), {@code server_ip} (DHCPv4: the server identifier, else the
 * packet's source; DHCPv6: the REPLY's source), {@code device} (the label the address takes from now
 * on). DHCPv6 records also have {@code client_duid} and {@code server_duid} (hex), {@code ia_type}
 * ({@code IA_NA} or {@code IA_TA}), {@code iaid} and {@code preferred_seconds}.
 */
public final class PcapDhcp extends CaptureModule {
    static final String NAME = "PcapDhcp";

    @Override public String name() { return NAME; }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    /** Few records, each telling who had which address: always written. */
    @Override public boolean bulk() { return false; }
    @Override public String description() { return "DHCP and DHCPv6 leases (hardware address or DUID, address, host name) from packet captures"; }

    static Fields record(Instant time, long packet, DhcpMessage m, String hostName, String serverIp, String device) {
        return Fields.builder()
                .put("timestamp", time == null ? null : MvtTime.format(time))
                .put("packet", packet)
                .put("protocol", "dhcpv4")
                .put("client_mac", m.clientMac())
                .put("address", m.yourAddress())
                .put("host_name", hostName)
                .put("lease_seconds", m.leaseTime() < 0 ? null : (Object) m.leaseTime())
                .put("server_ip", m.serverId() != null ? m.serverId() : serverIp)
                .putIfPresent("device", device)
                .build();
    }

    static Fields record(Instant time, long packet, Dhcp6Leases.Lease lease, String serverIp, String device) {
        Dhcp6Message m = lease.reply();
        Dhcp6Message.IaAddress a = lease.address();
        return Fields.builder()
                .put("timestamp", time == null ? null : MvtTime.format(time))
                .put("packet", packet)
                .put("protocol", "dhcpv6")
                .put("client_mac", m.client().mac())
                .put("client_duid", m.client().hex())
                .put("address", a.address())
                .put("ia_type", a.temporary() ? "IA_TA" : "IA_NA")
                .put("iaid", a.iaid())
                .put("host_name", lease.hostName())
                .put("lease_seconds", a.validSeconds())
                .put("preferred_seconds", a.preferredSeconds())
                .put("server_ip", serverIp)
                .put("server_duid", m.server() == null ? null : m.server().hex())
                .putIfPresent("device", device)
                .build();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        String host = r.string("host_name");
        if ("dhcpv6".equals(r.string("protocol"))) {
            String client = r.string("client_mac") != null ? r.string("client_mac") : "DUID " + r.text("client_duid");
            return List.of(new TimelineEvent(t, slug(), "dhcp_lease", "DHCPv6 lease of " + r.text("address") + " to " + client
                    + (host == null ? "" : " (" + host + ")") + " by " + r.text("server_ip") + " for " + r.text("lease_seconds") + " s"));
        }
        return List.of(new TimelineEvent(t, slug(), "dhcp_lease", "DHCP lease of " + r.text("address") + " to " + r.text("client_mac")
                + (host == null ? "" : " (" + host + ")") + " by " + r.text("server_ip")
                + (r.string("lease_seconds") == null ? "" : " for " + r.text("lease_seconds") + " s")));
    }
}
