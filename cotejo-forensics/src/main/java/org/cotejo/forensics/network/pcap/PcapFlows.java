package org.cotejo.forensics.network.pcap;

import java.time.Instant;
import java.util.List;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.network.pcap.tcp.Flow;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * One summary per TCP or UDP flow of a packet capture (what Zeek's conn.log gives): its endpoints,
 * first and last packet, and packets and bytes each way, written when the flow ends. A flow ends at
 * FIN both ways or RST, after {@value CaptureScan#IDLE_SECONDS} s without packets, when over
 * {@value CaptureScan#MAX_FLOWS} are open at once (the least recently active goes), or at the end of
 * the capture; {@code ended} says which. This module also reports the capture's own damage (truncation,
 * bogus lengths) and what the pass skipped.
 *
 * <p>Fields: {@code timestamp} (first packet), {@code last_seen}, {@code packet} (the first packet's
 * number), {@code protocol} ("tcp", "udp"), {@code client_ip}, {@code client_port}, {@code server_ip},
 * {@code server_port}, {@code packets_to_server}, {@code bytes_to_server}, {@code packets_to_client},
 * {@code bytes_to_client} (transport payload bytes as the IP headers announce them), {@code ended},
 * {@code application} ("tls", "http", "dns", "dhcp", "quic" or null), {@code server_name} (SNI or
 * Host), {@code device}.
 */
public final class PcapFlows extends CaptureModule {
    static final String NAME = "PcapFlows";

    @Override public String name() { return NAME; }
    @Override public String description() { return "TCP and UDP flow summaries (endpoints, times, packets and bytes each way) from packet captures"; }

    static Fields record(Flow f, String ended, String application, String serverName) {
        Instant first = f.timed ? CaptureScan.time(f.firstNanos) : null;
        Instant last = f.timed ? CaptureScan.time(f.lastNanos) : null;
        return Fields.builder()
                .put("timestamp", first == null ? null : MvtTime.format(first))
                .put("last_seen", last == null ? null : MvtTime.format(last))
                .put("packet", f.firstPacket)
                .put("protocol", f.protocol == IpPacket.TCP ? "tcp" : "udp")
                .put("client_ip", f.clientIp)
                .put("client_port", f.clientPort)
                .put("server_ip", f.serverIp)
                .put("server_port", f.serverPort)
                .put("packets_to_server", f.packetsToServer)
                .put("bytes_to_server", f.bytesToServer)
                .put("packets_to_client", f.packetsToClient)
                .put("bytes_to_client", f.bytesToClient)
                .put("ended", ended)
                .put("application", application)
                .put("server_name", serverName)
                .build();
    }

    /** The server's address: the name, if any, is observed by the module that read it. */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        CaptureText.ip(o, "server_ip", r.string("server_ip"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        String name = r.string("server_name");
        return List.of(new TimelineEvent(t, slug(), "flow", r.text("protocol").toUpperCase(java.util.Locale.ROOT) + " flow to "
                + CaptureText.endpoint(r, "server_ip", "server_port") + (name == null ? "" : " (" + name + ")") + " by " + CaptureText.who(r)
                + " [" + r.text("bytes_to_server") + " bytes out, " + r.text("bytes_to_client") + " bytes in, until " + r.text("last_seen") + "]"));
    }
}
