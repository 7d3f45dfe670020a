package org.cotejo.forensics.network.pcap.tcp;

import org.cotejo.forensics.network.pcap.Decoded;

/**
 * The 5-tuple of a flow in canonical order (the lower endpoint first), so both directions of a
 * connection find the same key. Addresses are held as numbers: a lookup fills a reusable probe
 * ({@link #set}) and only a new flow's key is copied.
 */
public final class FlowKey {
    private long a0, a1, b0, b1;
    private int portA, portB, protocol;
    private boolean swapped;

    /** Fills this probe from a decoded packet; {@link #swapped()} tells whether its source is the key's second endpoint. */
    public FlowKey set(Decoded p) {
        long s0, s1, d0, d1;
        if (p.ipVersion == 4) {
            s0 = 0;
            s1 = u32(p.data, p.sourceOffset);
            d0 = 0;
            d1 = u32(p.data, p.destOffset);
        } else {
            s0 = u64(p.data, p.sourceOffset);
            s1 = u64(p.data, p.sourceOffset + 8);
            d0 = u64(p.data, p.destOffset);
            d1 = u64(p.data, p.destOffset + 8);
        }
        int sp = Math.max(p.sourcePort, 0), dp = Math.max(p.destPort, 0);
        int c = Long.compareUnsigned(s0, d0);
        if (c == 0) c = Long.compareUnsigned(s1, d1);
        if (c == 0) c = Integer.compare(sp, dp);
        swapped = c > 0;
        if (swapped) {
            a0 = d0; a1 = d1; portA = dp; b0 = s0; b1 = s1; portB = sp;
        } else {
            a0 = s0; a1 = s1; portA = sp; b0 = d0; b1 = d1; portB = dp;
        }
        protocol = p.protocol | (p.ipVersion == 6 ? 0x100 : 0);
        return this;
    }

    /** Whether the packet that filled this probe goes from the key's second endpoint to its first. */
    public boolean swapped() { return swapped; }

    public FlowKey copy() {
        FlowKey k = new FlowKey();
        k.a0 = a0; k.a1 = a1; k.b0 = b0; k.b1 = b1; k.portA = portA; k.portB = portB; k.protocol = protocol;
        return k;
    }

    /** Whether this key names the same flow as {@code k}: the table's comparison, without boxing or casts. */
    boolean sameAs(FlowKey k) {
        return a1 == k.a1 && b1 == k.b1 && portA == k.portA && portB == k.portB && a0 == k.a0 && b0 == k.b0 && protocol == k.protocol;
    }

    /** A well-mixed hash for an open-addressing table indexed by its low bits. */
    long hash() {
        long h = a0 * 0x9E3779B97F4A7C15L + a1;
        h = (h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L + b0;
        h = (h ^ (h >>> 31)) * 0x94D049BB133111EBL + b1;
        h = (h ^ (h >>> 29)) * 0x9E3779B97F4A7C15L + ((long) portA << 16 | portB) + ((long) protocol << 32);
        return h ^ (h >>> 32);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k && sameAs(k);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash());
    }

    private static long u32(byte[] d, int o) {
        return (d[o] & 0xFFL) << 24 | (d[o + 1] & 0xFFL) << 16 | (d[o + 2] & 0xFFL) << 8 | (d[o + 3] & 0xFFL);
    }

    private static long u64(byte[] d, int o) {
        return u32(d, o) << 32 | u32(d, o + 4);
    }
}
