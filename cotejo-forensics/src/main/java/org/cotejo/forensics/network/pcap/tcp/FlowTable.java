package org.cotejo.forensics.network.pcap.tcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import org.cotejo.forensics.network.pcap.Decoded;
import org.cotejo.forensics.network.pcap.IpPacket;

/**
 * The flows open at one time, bounded: a flow leaves the table when it ends (FIN both ways, RST),
 * when it has been idle for the timeout (capture time), or, least recently seen first, when the
 * table is full. Each leaving flow goes to the {@code ended} callback with the reason, so its summary
 * is written and its memory freed. The heap therefore depends on the limits, not on the capture.
 *
 * <p>Every packet of a capture looks its flow up here, so the table is built for that: an
 * open-addressing array of flows probed linearly by a 64-bit hash of the numeric key, the hashes in
 * an array of their own (no entry objects, no boxing; a probe reads one array and touches only the
 * flow it finds), at most half full, with deletions shifting later entries back instead of leaving
 * tombstones; the least-recently-seen order is a list threaded through the flows themselves.
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
    private final Flow[] slots;
    /** The hash of the flow in each slot, so a look-up probes one array and touches only the flow it finds. */
    private final long[] hashes;
    private final int mask;
    private int size;
    /** Least and most recently seen flows: the ends of the list threaded through {@link Flow#older}/{@link Flow#newer}. */
    private Flow eldest, newest;
    private long evictedFull;
    private long sweepAt;

    public FlowTable(int maxFlows, long idleNanos, int streamCap, MemoryBudget budget, BiConsumer<Flow, String> ended) {
        this.maxFlows = maxFlows;
        this.idleNanos = idleNanos;
        this.streamCap = streamCap;
        this.budget = budget;
        this.ended = ended;
        this.slots = new Flow[Math.max(16, Integer.highestOneBit(Math.max(1, maxFlows)) << 2)];
        this.hashes = new long[slots.length];
        this.mask = slots.length - 1;
    }

    /** The probe last filled by {@link #find}: its direction says which way the packet went. */
    public FlowKey probe() { return probe; }

    /**
     * The packet's flow, created when new (unless {@code create} is false); null when absent and not
     * created. Sweeps idle flows now and then, by the packet's time.
     */
    public Flow find(Decoded p, long packet, int file, long nanos, boolean create) {
        if (nanos > sweepAt) sweep(nanos);
        probe.set(p);
        long h = probe.hash();
        int i = (int) h & mask;
        for (Flow f; (f = slots[i]) != null; i = (i + 1) & mask) {
            if (hashes[i] == h && f.key.sameAs(probe)) {
                touch(f);
                return f;
            }
        }
        if (!create) return null;
        boolean sourceIsClient = sourceIsClient(p);
        boolean firstIsClient = sourceIsClient != probe.swapped();
        String src = p.source(), dst = p.destination();
        boolean tcp = p.protocol == IpPacket.TCP;
        Flow f = new Flow(probe.copy(), p.protocol, firstIsClient,
                sourceIsClient ? src : dst, sourceIsClient ? p.sourcePort : p.destPort,
                sourceIsClient ? dst : src, sourceIsClient ? p.destPort : p.sourcePort, packet, file,
                tcp ? new TcpStream(streamCap, budget) : null, tcp ? new TcpStream(streamCap, budget) : null);
        f.firstNanos = nanos;
        f.hash = h;
        f.inTable = true;
        slots[i] = f;
        hashes[i] = h;
        size++;
        link(f);
        if (size > maxFlows) {
            evictedFull++;
            Flow old = eldest;
            remove(old);
            end(old, TABLE_FULL);
        }
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
        if (!f.inTable) return;
        remove(f);
        end(f, reason);
    }

    private void sweep(long nanos) {
        sweepAt = nanos + Math.max(1, idleNanos / 8);
        // least recently seen first: the first flow not idle ends the sweep
        while (eldest != null && eldest.lastNanos < nanos - idleNanos) {
            Flow f = eldest;
            remove(f);
            end(f, IDLE);
        }
    }

    /** Ends every flow still open, oldest first (by first packet), at the end of a capture. */
    public void endAll() {
        List<Flow> rest = new ArrayList<>(size);
        for (Flow f = eldest; f != null; f = f.newer) rest.add(f);
        for (Flow f : rest) f.inTable = false;
        Arrays.fill(slots, null);
        size = 0;
        eldest = newest = null;
        rest.sort(Comparator.comparingLong((Flow f) -> f.file).thenComparingLong(f -> f.firstPacket));
        for (Flow f : rest) end(f, CAPTURE_END);
    }

    private void end(Flow f, String reason) {
        ended.accept(f, reason);
        f.release(reason);
    }

    /** Takes the flow out of the array, shifting back the entries probed past it, and out of the list. */
    private void remove(Flow f) {
        int i = (int) f.hash & mask;
        while (slots[i] != f) i = (i + 1) & mask;
        slots[i] = null;
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = (int) hashes[j] & mask;
            // an entry stays when its home lies cyclically in (i, j]; otherwise it moves into the hole
            boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (stays) continue;
            slots[i] = slots[j];
            hashes[i] = hashes[j];
            slots[j] = null;
            i = j;
        }
        size--;
        f.inTable = false;
        unlink(f);
    }

    private void touch(Flow f) {
        if (f == newest) return;
        unlink(f);
        link(f);
    }

    private void link(Flow f) {
        f.older = newest;
        f.newer = null;
        if (newest != null) newest.newer = f;
        else eldest = f;
        newest = f;
    }

    private void unlink(Flow f) {
        if (f.older != null) f.older.newer = f.newer;
        else eldest = f.newer;
        if (f.newer != null) f.newer.older = f.older;
        else newest = f.older;
        f.older = f.newer = null;
    }

    public int size() { return size; }

    /** Flows pushed out because the table was full. */
    public long evictedWhenFull() { return evictedFull; }
}
