package org.cotejo.forensics.network.pcap.tcp;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.cotejo.forensics.network.pcap.Decoded;
import org.cotejo.forensics.network.pcap.IpPacket;

/**
 * The flows open at one time, bounded: a flow leaves the table when it ends (FIN both ways, RST),
 * when it has been idle for the timeout (capture time), or, least recently used first, when the
 * table is full. Each leaving flow goes to the {@code ended} callback with the reason, so its summary
 * is written and its memory freed. The heap therefore depends on the limits, not on the capture.
 */
public final class FlowTable {
    /** Why a flow left the table. */
    public static final String FIN = "fin", RST = "rst", IDLE = "idle", TABLE_FULL = "table full", CAPTURE_END = "capture end";

    private final int maxFlows;
    private final long idleNanos;
    private final int streamCap;
    private final MemoryBudget budget;
    private final BiConsumer<Flow, String> ended;
    private final FlowKey probe = new FlowKey();
    private final LinkedHashMap<FlowKey, Flow> flows;
    private long evictedFull;
    private long sweepAt;

    public FlowTable(int maxFlows, long idleNanos, int streamCap, MemoryBudget budget, BiConsumer<Flow, String> ended) {
        this.maxFlows = maxFlows;
        this.idleNanos = idleNanos;
        this.streamCap = streamCap;
        this.budget = budget;
        this.ended = ended;
        this.flows = new LinkedHashMap<>(Math.min(maxFlows, 1 << 16) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<FlowKey, Flow> eldest) {
                if (size() <= FlowTable.this.maxFlows) return false;
                evictedFull++;
                end(eldest.getValue(), TABLE_FULL);
                return true;
            }
        };
    }

    /** The probe last filled by {@link #find}: its direction says which way the packet went. */
    public FlowKey probe() { return probe; }

    /**
     * The packet's flow, created when new (unless {@code create} is false); null when absent and not
     * created. Sweeps idle flows now and then, by the packet's time.
     */
    public Flow find(Decoded p, long packet, int file, long nanos, boolean create) {
        if (nanos > sweepAt) sweep(nanos);
        Flow f = flows.get(probe.set(p));
        if (f != null || !create) return f;
        boolean sourceIsClient = sourceIsClient(p);
        boolean firstIsClient = sourceIsClient != probe.swapped();
        String src = p.source(), dst = p.destination();
        boolean tcp = p.protocol == IpPacket.TCP;
        f = new Flow(probe.copy(), p.protocol, firstIsClient,
                sourceIsClient ? src : dst, sourceIsClient ? p.sourcePort : p.destPort,
                sourceIsClient ? dst : src, sourceIsClient ? p.destPort : p.sourcePort, packet, file,
                tcp ? new TcpStream(streamCap, budget) : null, tcp ? new TcpStream(streamCap, budget) : null);
        f.firstNanos = nanos;
        flows.put(f.key, f);
        return f;
    }

    /** SYN without ACK: its sender is the client; otherwise the higher (ephemeral) port, then the sender. */
    private static boolean sourceIsClient(Decoded p) {
        if (p.protocol == IpPacket.TCP && (p.tcpFlags & 0x12) == 0x12) return false;
        if (p.protocol == IpPacket.TCP && (p.tcpFlags & 0x02) != 0) return true;
        if (p.sourcePort < 1024 && p.destPort >= 1024) return false;
        if (p.destPort < 1024 && p.sourcePort >= 1024) return true;
        return true;
    }

    /** Removes a flow that ended (FIN both ways, RST). */
    public void close(Flow f, String reason) {
        if (flows.remove(f.key) != null) end(f, reason);
    }

    private void sweep(long nanos) {
        sweepAt = nanos + Math.max(1, idleNanos / 8);
        Iterator<Flow> it = flows.values().iterator();
        while (it.hasNext()) {
            Flow f = it.next();
            if (f.lastNanos >= nanos - idleNanos) break; // access order: the rest are more recent
            it.remove();
            end(f, IDLE);
        }
    }

    /** Ends every flow still open, oldest first (by first packet), at the end of a capture. */
    public void endAll() {
        java.util.List<Flow> rest = new java.util.ArrayList<>(flows.values());
        flows.clear();
        rest.sort(java.util.Comparator.comparingLong((Flow f) -> f.file).thenComparingLong(f -> f.firstPacket));
        for (Flow f : rest) end(f, CAPTURE_END);
    }

    private void end(Flow f, String reason) {
        ended.accept(f, reason);
        f.release(reason);
    }

    public int size() { return flows.size(); }

    /** Flows pushed out because the table was full. */
    public long evictedWhenFull() { return evictedFull; }
}
