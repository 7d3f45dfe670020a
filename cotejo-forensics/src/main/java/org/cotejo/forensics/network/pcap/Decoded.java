package org.cotejo.forensics.network.pcap;

/**
 * A frame decoded down to its transport, in place: offsets into the frame's bytes rather than copies,
 * so the hot path decodes every packet without allocating. Address text is built only on request.
 */
public final class Decoded {
    public byte[] data;
    /** 4 or 6. */
    public int ipVersion;
    /** Offsets of the source and destination addresses (4 or 16 bytes) in {@link #data}. */
    public int sourceOffset;
    public int destOffset;
    /** Offset of the Ethernet source MAC, or -1 when the link layer carries none. */
    public int macOffset = -1;
    public int protocol;
    public int sourcePort;
    public int destPort;
    public int tcpFlags;
    public long tcpSeq;
    /** The captured transport payload is {@code data[payloadStart, payloadEnd)}. */
    public int payloadStart;
    public int payloadEnd;
    /** The payload's length as the IP header announces it (more than captured when the snap length cut it). */
    public int wirePayload;
    public boolean firstFragment;

    public int addressLength() { return ipVersion == 6 ? 16 : 4; }

    public String source() { return IpPacket.address(data, sourceOffset, addressLength()); }

    public String destination() { return IpPacket.address(data, destOffset, addressLength()); }

    public int payloadLength() { return payloadEnd - payloadStart; }

    /** The Ethernet source MAC as "aa:bb:cc:dd:ee:ff", or null. */
    public String sourceMac() {
        if (macOffset < 0) return null;
        StringBuilder b = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) b.append(':');
            b.append(Character.forDigit((data[macOffset + i] >> 4) & 0xF, 16)).append(Character.forDigit(data[macOffset + i] & 0xF, 16));
        }
        return b.toString();
    }

    IpPacket toIpPacket() {
        return new IpPacket(source(), destination(), protocol, sourcePort, destPort, tcpFlags, tcpSeq, data, payloadStart, payloadEnd, firstFragment);
    }
}
