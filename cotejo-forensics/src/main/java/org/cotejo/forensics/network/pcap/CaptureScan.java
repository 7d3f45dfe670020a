package org.cotejo.forensics.network.pcap;

import java.io.IOException;
import java.time.Instant;
import org.cotejo.forensics.network.attribution.DeviceAttribution;
import org.cotejo.forensics.network.pcap.dhcp.Dhcp6Leases;
import org.cotejo.forensics.network.pcap.dhcp.Dhcp6Message;
import org.cotejo.forensics.network.pcap.dhcp.DhcpMessage;
import org.cotejo.forensics.network.pcap.tcp.Flow;
import org.cotejo.forensics.network.pcap.tcp.FlowTable;
import org.cotejo.forensics.network.pcap.tcp.MemoryBudget;
import org.cotejo.forensics.record.Fields;

/**
 * One pass over one capture file for every capture module at once: each packet is decoded in place,
 * counted in its flow, and only the few that matter are read further: DNS responses over UDP, DHCP,
 * DHCPv6, and the first bytes of each TCP stream, reassembled, for TLS handshakes, HTTP request heads
 * and DNS over TCP ({@link FlowReader}). Ordinary bulk packets cost a decode, a table look-up and a few
 * counters, and allocate nothing.
 *
 * <p>Limits (heap independent of the capture's size): {@value #MAX_FLOWS} flows open at once,
 * {@value #STREAM_CAP} bytes kept per stream direction, {@value #MEMORY_MIB} MiB for all streams
 * together, flows idle for {@value #IDLE_SECONDS} s (capture time) closed.
 */
final class CaptureScan {
    static final int MAX_FLOWS = 50_000;
    static final int STREAM_CAP = 32 * 1024;
    static final int MEMORY_MIB = 64;
    static final int IDLE_SECONDS = 120;
    private static final int MAX_PENDING_HOSTNAMES = 1024;

    private final CaptureSink sink;
    private final int file;
    private final DeviceAttribution devices;
    private final ProblemTally problems;
    private final PacketDecoder decoder = new PacketDecoder();
    private final MemoryBudget budget = new MemoryBudget((long) MEMORY_MIB << 20);
    private final FlowTable table;
    private final FlowReader flows;
    private final java.util.LinkedHashMap<String, String> dhcpHostNames = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(java.util.Map.Entry<String, String> e) { return size() > MAX_PENDING_HOSTNAMES; }
    };
    private final Dhcp6Leases dhcp6 = new Dhcp6Leases();
    private long snapCut;

    CaptureScan(CaptureSink sink, int file, DeviceAttribution devices) {
        this.sink = sink;
        this.file = file;
        this.devices = devices;
        this.problems = new ProblemTally(sink, file);
        this.flows = new FlowReader(this, problems);
        this.table = new FlowTable(MAX_FLOWS, IDLE_SECONDS * 1_000_000_000L, STREAM_CAP, budget, flows::ended);
    }

    /** Reads every packet of the capture, then ends the flows still open and reports the counts. */
    void run(PcapReader reader) throws IOException {
        Frame f = new Frame();
        Decoded d = new Decoded();
        while (reader.next(f)) packet(f, d);
        table.endAll();
        finish();
    }

    void packet(Frame f, Decoded d) {
        if (!decoder.decode(f.linkType, f.data, f.offset, f.length, d)) return;
        long nanos = f.epochNanos();
        if (d.protocol == IpPacket.UDP) udp(f, d, nanos);
        else if (d.protocol == IpPacket.TCP) tcp(f, d, nanos);
    }

    private void udp(Frame f, Decoded d, long nanos) {
        count(table.find(d, f.number, file, nanos, true), d, nanos, f.timed);
        if (d.sourcePort == 53) dnsOverUdp(f, d);
        else if ((d.sourcePort == 67 || d.sourcePort == 68) && (d.destPort == 67 || d.destPort == 68)) dhcp(f, d);
        else if (d.ipVersion == 6 && (d.sourcePort == 546 || d.sourcePort == 547) && (d.destPort == 546 || d.destPort == 547)) dhcp6(f, d);
    }

    private void tcp(Frame f, Decoded d, long nanos) {
        int flags = d.tcpFlags;
        boolean syn = (flags & 0x02) != 0, fin = (flags & 0x01) != 0, rst = (flags & 0x04) != 0;
        boolean payload = d.payloadEnd > d.payloadStart;
        // a bare ACK/FIN/RST without a flow belongs to one that ended (or began before the capture)
        Flow flow = table.find(d, f.number, file, nanos, syn || payload);
        if (flow == null) return;
        boolean toServer = count(flow, d, nanos, f.timed);
        var stream = toServer ? flow.toServer : flow.toClient;
        if (syn) stream.syn(d.tcpSeq);
        if (payload && !stream.stopped()) {
            if (stream.add(d.tcpSeq, d.data, d.payloadStart, d.payloadEnd, f.number, nanos)) flows.data(flow, toServer, f.number);
            if (d.payloadLength() < d.wirePayload && !stream.stopped()) {
                snapCut++;
                flows.data(flow, toServer, f.number); // read what the cut segment brought, then stop
                stream.stop("segment cut by the capture's snap length");
            }
        }
        if (fin) {
            if (toServer) flow.finFromClient = true;
            else flow.finFromServer = true;
        }
        if (rst) flow.reset = true;
        if (rst || (flow.finFromClient && flow.finFromServer)) table.close(flow, rst ? FlowTable.RST : FlowTable.FIN);
    }

    /** Counts the packet in its flow; returns whether it goes from client to server. */
    private boolean count(Flow flow, Decoded d, long nanos, boolean timed) {
        boolean toServer = flow.fromClient(table.probe());
        if (toServer) {
            flow.packetsToServer++;
            flow.bytesToServer += d.wirePayload;
        } else {
            flow.packetsToClient++;
            flow.bytesToClient += d.wirePayload;
        }
        flow.lastNanos = nanos;
        flow.timed |= timed;
        return toServer;
    }

    /** "packet N: DNS message unreadable (first fragment only): why; skipped", as the module's problem. */
    private void unreadable(String module, Frame f, Decoded d, String protocol, Exception why) {
        problems.report(module, "packet " + f.number + ": " + protocol + " message unreadable"
                + (d.firstFragment ? " (first fragment only)" : "") + ": " + why.getMessage() + "; skipped");
    }

    private void dnsOverUdp(Frame f, Decoded d) {
        DnsMessage m;
        try {
            m = DnsMessage.parse(d.data, d.payloadStart, d.payloadEnd);
        } catch (DnsMessage.Malformed e) {
            unreadable(PcapDns.NAME, f, d, "DNS", e);
            return;
        }
        if (!m.response()) return;
        String client = d.destination(), server = d.source();
        emit(PcapDns.NAME, f.number, PcapDns.record(f.time(), f.number, client, d.destPort, server, d.sourcePort, m, "udp"), client, server);
    }

    private void dhcp(Frame f, Decoded d) {
        DhcpMessage m;
        try {
            m = DhcpMessage.parse(d.data, d.payloadStart, d.payloadEnd);
        } catch (DhcpMessage.Malformed e) {
            unreadable(PcapDhcp.NAME, f, d, "DHCP", e);
            return;
        }
        if (m.clientMac() == null) return;
        if ((m.type() == DhcpMessage.REQUEST || m.type() == DhcpMessage.DISCOVER) && m.hostName() != null) {
            dhcpHostNames.put(m.clientMac(), m.hostName());
        } else if (m.type() == DhcpMessage.ACK && !"0.0.0.0".equals(m.yourAddress())) {
            String host = m.hostName() != null ? m.hostName() : dhcpHostNames.get(m.clientMac());
            String label = devices.lease(m.clientMac(), m.yourAddress(), host);
            sink.record(PcapDhcp.NAME, file, f.number, PcapDhcp.record(f.time(), f.number, m, host, d.source(), label));
        }
    }

    private void dhcp6(Frame f, Decoded d) {
        Dhcp6Message m;
        try {
            m = Dhcp6Message.parse(d.data, d.payloadStart, d.payloadEnd);
        } catch (Dhcp6Message.Malformed e) {
            unreadable(PcapDhcp.NAME, f, d, "DHCPv6", e);
            return;
        }
        for (Dhcp6Leases.Lease lease : dhcp6.read(m)) {
            String label = devices.lease(lease.clientKey(), lease.address().address(), lease.hostName());
            sink.record(PcapDhcp.NAME, file, f.number, PcapDhcp.record(f.time(), f.number, lease, d.source(), label));
        }
    }

    /** Emits a record with the device label of its client (else server) address, when known. */
    void emit(String module, long packet, Fields fields, String client, String server) {
        String label = devices.label(client, server);
        sink.record(module, file, packet, label == null ? fields : fields.with("device", label));
    }

    static Instant time(long nanos) {
        return nanos == 0 ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private void finish() {
        problems.finish();
        if (decoder.laterFragments() > 0) {
            problems.summary(PcapFlows.NAME, decoder.laterFragments() + " IP fragment(s) after the first skipped (fragments are not reassembled)");
        }
        if (dhcp6.relaysSkipped() > 0) problems.summary(PcapDhcp.NAME, dhcp6.relaysSkipped() + " DHCPv6 relay message(s) skipped (relayed messages are not read)");
        if (snapCut > 0) problems.summary(PcapFlows.NAME, snapCut + " TCP segment(s) cut by the capture's snap length; their streams were read up to the cut");
        if (table.evictedWhenFull() > 0) {
            problems.summary(PcapFlows.NAME, table.evictedWhenFull() + " flow(s) closed early because over " + MAX_FLOWS + " were open at once");
        }
        if (budget.refusals() > 0) {
            problems.summary(PcapFlows.NAME, budget.refusals() + " TCP stream(s) stopped early: the " + MEMORY_MIB + " MiB reassembly budget was in use");
        }
        flows.finish();
    }
}
