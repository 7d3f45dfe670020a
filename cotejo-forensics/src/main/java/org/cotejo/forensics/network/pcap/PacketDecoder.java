package org.cotejo.forensics.network.pcap;

/**
 * Decodes captured frames: link layers Ethernet (with 802.1Q/802.1ad VLAN tags), Linux cooked capture
 * v1 and v2 (SLL, SLL2), BSD loopback (NULL) and raw IP; network layers IPv4 and IPv6 (extension
 * headers walked); UDP and TCP headers.
 *
 * <p>IPv4 and IPv6 fragments after the first carry no transport header: they are counted
 * ({@link #laterFragments()}) and skipped, not reassembled. A frame of another protocol (ARP, ICMP
 * ...), or too short for the headers it announces, does not decode. One decoder per capture: it keeps
 * the counts. {@link #decode(int, byte[], int, int, Decoded)} is the allocation-free hot path;
 * {@link #decode(PcapReader.Packet)} gives a self-contained {@link IpPacket}.
 */
public final class PacketDecoder {
    public static final int LINKTYPE_NULL = 0;
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int LINKTYPE_RAW = 101;
    public static final int LINKTYPE_LINUX_SLL = 113;
    public static final int LINKTYPE_IPV4 = 228;
    public static final int LINKTYPE_IPV6 = 229;
    public static final int LINKTYPE_LINUX_SLL2 = 276;
    private static final int MAX_VLAN_TAGS = 4;
    private static final int MAX_IPV6_EXTENSIONS = 8;

    private long laterFragments;
    private long unknownLinkTypes;
    private final Decoded scratch = new Decoded();

    /** Fragments other than the first, skipped. */
    public long laterFragments() { return laterFragments; }

    /** Packets of a link type not decoded. */
    public long unknownLinkTypes() { return unknownLinkTypes; }

    /** The packet's IP layer and transport, or null when it is not IP, is a later fragment or is cut short. */
    public IpPacket decode(PcapReader.Packet p) {
        return decode(p.linkType(), p.data());
    }

    public IpPacket decode(int linkType, byte[] d) {
        return decode(linkType, d, 0, d.length, scratch) ? scratch.toIpPacket() : null;
    }

    /** Decodes {@code d[off, off + len)} into {@code out}; false when it is not IP, is a later fragment or is cut short. */
    public boolean decode(int linkType, byte[] d, int off, int len, Decoded out) {
        int end = off + len;
        out.data = d;
        out.macOffset = -1;
        switch (linkType) {
            case LINKTYPE_ETHERNET -> {
                if (len < 14) return false;
                int type = u16(d, off + 12);
                int p = off + 14;
                for (int tags = 0; (type == 0x8100 || type == 0x88A8 || type == 0x9100) && tags < MAX_VLAN_TAGS; tags++) {
                    if (end < p + 4) return false;
                    type = u16(d, p + 2);
                    p += 4;
                }
                out.macOffset = off + 6;
                return network(type, d, p, end, out);
            }
            case LINKTYPE_LINUX_SLL -> {
                return len >= 16 && network(u16(d, off + 14), d, off + 16, end, out);
            }
            case LINKTYPE_LINUX_SLL2 -> {
                return len >= 20 && network(u16(d, off), d, off + 20, end, out);
            }
            case LINKTYPE_NULL -> {
                if (len < 4) return false;
                int family = (d[off] & 0xFF) | (d[off + 1] & 0xFF) << 8 | (d[off + 2] & 0xFF) << 16 | (d[off + 3] & 0xFF) << 24;
                if (family > 0xFFFF) family = Integer.reverseBytes(family); // written in the other byte order
                return family == 2 ? ipv4(d, off + 4, end, out) : (family == 24 || family == 28 || family == 30) && ipv6(d, off + 4, end, out);
            }
            case LINKTYPE_RAW, 12, 14, LINKTYPE_IPV4, LINKTYPE_IPV6 -> {
                if (len < 1) return false;
                int version = (d[off] & 0xFF) >> 4;
                return version == 4 ? ipv4(d, off, end, out) : version == 6 && ipv6(d, off, end, out);
            }
            default -> {
                unknownLinkTypes++;
                return false;
            }
        }
    }

    private boolean network(int etherType, byte[] d, int off, int end, Decoded out) {
        return etherType == 0x0800 ? ipv4(d, off, end, out) : etherType == 0x86DD && ipv6(d, off, end, out);
    }

    private boolean ipv4(byte[] d, int off, int frameEnd, Decoded out) {
        if (frameEnd < off + 20 || (d[off] & 0xFF) >> 4 != 4) return false;
        int ihl = (d[off] & 0x0F) * 4;
        int total = u16(d, off + 2);
        if (ihl < 20 || frameEnd < off + ihl) return false;
        int end = total >= ihl ? Math.min(frameEnd, off + total) : frameEnd;
        int flagsFrag = u16(d, off + 6);
        if ((flagsFrag & 0x1FFF) != 0) {
            laterFragments++;
            return false;
        }
        out.ipVersion = 4;
        out.sourceOffset = off + 12;
        out.destOffset = off + 16;
        int wire = total >= ihl ? total - ihl : end - off - ihl;
        return transport(d[off + 9] & 0xFF, d, off + ihl, end, wire, (flagsFrag & 0x2000) != 0, out);
    }

    private boolean ipv6(byte[] d, int off, int frameEnd, Decoded out) {
        if (frameEnd < off + 40 || (d[off] & 0xFF) >> 4 != 6) return false;
        int payload = u16(d, off + 4);
        int end = payload == 0 ? frameEnd : Math.min(frameEnd, off + 40 + payload); // 0: jumbogram, take what is there
        int next = d[off + 6] & 0xFF;
        int p = off + 40;
        boolean first = false;
        for (int i = 0; i < MAX_IPV6_EXTENSIONS; i++) {
            if (next == 0 || next == 43 || next == 60) {
                if (end < p + 8) return false;
                int len = ((d[p + 1] & 0xFF) + 1) * 8;
                next = d[p] & 0xFF;
                p += len;
            } else if (next == 51) { // authentication header: length in 4-byte units, minus 2
                if (end < p + 8) return false;
                int len = ((d[p + 1] & 0xFF) + 2) * 4;
                next = d[p] & 0xFF;
                p += len;
            } else if (next == 44) {
                if (end < p + 8) return false;
                if (u16(d, p + 2) >> 3 != 0) {
                    laterFragments++;
                    return false;
                }
                first = (d[p + 3] & 1) != 0;
                next = d[p] & 0xFF;
                p += 8;
            } else {
                break;
            }
        }
        if (p > end) return false;
        out.ipVersion = 6;
        out.sourceOffset = off + 8;
        out.destOffset = off + 24;
        int wire = payload == 0 ? end - p : off + 40 + payload - p;
        return transport(next, d, p, end, wire, first, out);
    }

    private static boolean transport(int protocol, byte[] d, int off, int end, int wire, boolean firstFragment, Decoded out) {
        out.protocol = protocol;
        out.firstFragment = firstFragment;
        out.tcpFlags = 0;
        out.tcpSeq = 0;
        if (protocol == IpPacket.UDP) {
            if (end < off + 8) return false;
            int len = u16(d, off + 4);
            out.sourcePort = u16(d, off);
            out.destPort = u16(d, off + 2);
            out.payloadStart = off + 8;
            out.payloadEnd = len >= 8 && !firstFragment ? Math.min(end, off + len) : end;
            out.wirePayload = Math.max(0, (len >= 8 ? len : wire) - 8);
            return true;
        }
        if (protocol == IpPacket.TCP) {
            if (end < off + 20) return false;
            int dataOffset = ((d[off + 12] & 0xFF) >> 4) * 4;
            if (dataOffset < 20 || end < off + dataOffset) return false;
            out.sourcePort = u16(d, off);
            out.destPort = u16(d, off + 2);
            out.tcpSeq = ((long) u16(d, off + 4) << 16) | u16(d, off + 6);
            out.tcpFlags = d[off + 13] & 0xFF;
            out.payloadStart = off + dataOffset;
            out.payloadEnd = end;
            out.wirePayload = Math.max(0, wire - dataOffset);
            return true;
        }
        out.sourcePort = -1;
        out.destPort = -1;
        out.payloadStart = off;
        out.payloadEnd = end;
        out.wirePayload = Math.max(0, wire);
        return true;
    }

    static int u16(byte[] d, int off) {
        return (d[off] & 0xFF) << 8 | (d[off + 1] & 0xFF);
    }
}
