package org.cotejo.forensics.network.pcap;

import java.time.Instant;

/**
 * One captured packet as the reader's hot path hands it out: a reusable holder whose bytes are a view
 * of the reader's buffer, valid until the next read. Nothing is allocated per packet; {@link #time()}
 * and {@link #copy()} allocate for the few packets that become records.
 */
public final class Frame {
    /** 1-based position among the capture's packets. */
    public long number;
    /** Whether the format keeps a time for this packet (a pcapng simple packet has none). */
    public boolean timed;
    public long seconds;
    public int nanos;
    /** The LINKTYPE_ of the packet's interface. */
    public int linkType;
    /** The captured bytes are {@code data[offset, offset + length)}. */
    public byte[] data;
    public int offset;
    public int length;
    /** The packet's length on the wire. */
    public long originalLength;
    public int iface;

    /** The capture time, or null when the format keeps none. */
    public Instant time() {
        return timed ? Instant.ofEpochSecond(seconds, nanos) : null;
    }

    /** Capture time in nanoseconds since the epoch (0 when untimed), for cheap comparisons. */
    public long epochNanos() {
        return timed ? seconds * 1_000_000_000L + nanos : 0;
    }

    /** A self-contained copy. */
    public PcapReader.Packet copy() {
        return new PcapReader.Packet(number, time(), linkType, java.util.Arrays.copyOfRange(data, offset, offset + length), originalLength, iface);
    }
}
