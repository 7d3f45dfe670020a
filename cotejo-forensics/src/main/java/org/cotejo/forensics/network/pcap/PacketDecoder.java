package org.cotejo.forensics.network.pcap;

/**
 * Decodes captured frames to {@link IpPacket}s: link layers Ethernet (with 802.1Q/802.1ad VLAN tags),
 * Linux cooked capture v1 and v2 (SLL, SLL2), BSD loopback (NULL) and raw IP; network layers IPv4 and
 * IPv6 (extension headers walked); UDP and TCP headers.
 *
 * <p>IPv4 and IPv6 fragments after the first carry no transport header: they are counted
 * ({@link #laterFragments()}) and skipped, not reassembled. A frame of another protocol (ARP, ICMP
 * ...), or too short for the headers it announces, decodes to null. One decoder per capture: it keeps
 * the counts.
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

    /** Fragments other than the first, skipped. */
    public long laterFragments() { return laterFragments; }

    /** Packets of a link type not decoded. */
    public long unknownLinkTypes() { return unknownLinkTypes; }

    /** The packet's IP layer and transport, or null when it is not IP, is a later fragment or is cut short. */
    public IpPacket decode(PcapReader.Packet p) {
        return decode(p.linkType(), p.data());
    }

    public IpPacket decode(int linkType, byte[] d) {
        int ip;
        switch (linkType) {
            case LINKTYPE_ETHERNET -> {
                if (d.length < 14) return null;
                int type = u16(d, 12);
                int off = 14;
                for (int tags = 0; (type == 0x8100 || type == 0x88A8 || type == 0x9100) && tags < MAX_VLAN_TAGS; tags++) {
                    if (d.length < off + 4) return null;
                    type = u16(d, off + 2);
                    off += 4;
                }
                return network(type, d, off);
            }
            case LINKTYPE_LINUX_SLL -> {
                return d.length < 16 ? null : network(u16(d, 14), d, 16);
            }
            case LINKTYPE_LINUX_SLL2 -> {
                return d.length < 20 ? null : network(u16(d, 0), d, 20);
            }
            case LINKTYPE_NULL -> {
                if (d.length < 4) return null;
                int family = (d[0] & 0xFF) | (d[1] & 0xFF) << 8 | (d[2] & 0xFF) << 16 | (d[3] & 0xFF) << 24;
                if (family > 0xFFFF) family = Integer.reverseBytes(family); // written in the other byte order
                return family == 2 ? ipv4(d, 4) : family == 24 || family == 28 || family == 30 ? ipv6(d, 4) : null;
            }
            case LINKTYPE_RAW, 12, 14, LINKTYPE_IPV4, LINKTYPE_IPV6 -> ip = 0;
            default -> {
                unknownLinkTypes++;
                return null;
            }
        }
        if (d.length < 1) return null;
        int version = (d[ip] & 0xFF) >> 4;
        return version == 4 ? ipv4(d, ip) : version == 6 ? ipv6(d, ip) : null;
    }

    private IpPacket network(int etherType, byte[] d, int off) {
        return etherType == 0x0800 ? ipv4(d, off) : etherType == 0x86DD ? ipv6(d, off) : null;
    }

    private IpPacket ipv4(byte[] d, int off) {
        if (d.length < off + 20 || (d[off] & 0xFF) >> 4 != 4) return null;
        int ihl = (d[off] & 0x0F) * 4;
        int total = u16(d, off + 2);
        if (ihl < 20 || d.length < off + ihl) return null;
        int end = total >= ihl ? Math.min(d.length, off + total) : d.length;
        int flagsFrag = u16(d, off + 6);
        boolean more = (flagsFrag & 0x2000) != 0;
        int fragOffset = flagsFrag & 0x1FFF;
        if (fragOffset != 0) {
            laterFragments++;
            return null;
        }
        int protocol = d[off + 9] & 0xFF;
        String src = IpPacket.address(d, off + 12, 4);
        String dst = IpPacket.address(d, off + 16, 4);
        return transport(src, dst, protocol, d, off + ihl, end, more);
    }

    private IpPacket ipv6(byte[] d, int off) {
        if (d.length < off + 40 || (d[off] & 0xFF) >> 4 != 6) return null;
        int payload = u16(d, off + 4);
        int end = payload == 0 ? d.length : Math.min(d.length, off + 40 + payload); // 0: jumbogram, take what is there
        int next = d[off + 6] & 0xFF;
        String src = IpPacket.address(d, off + 8, 16);
        String dst = IpPacket.address(d, off + 24, 16);
        int p = off + 40;
        boolean first = false;
        for (int i = 0; i < MAX_IPV6_EXTENSIONS; i++) {
            if (next == 0 || next == 43 || next == 60) {
                if (end < p + 8) return null;
                int len = ((d[p + 1] & 0xFF) + 1) * 8;
                next = d[p] & 0xFF;
                p += len;
            } else if (next == 51) { // authentication header: length in 4-byte units, minus 2
                if (end < p + 8) return null;
                int len = ((d[p + 1] & 0xFF) + 2) * 4;
                next = d[p] & 0xFF;
                p += len;
            } else if (next == 44) {
                if (end < p + 8) return null;
                int fragOffset = u16(d, p + 2) >> 3;
                boolean more = (d[p + 3] & 1) != 0;
                if (fragOffset != 0) {
                    laterFragments++;
                    return null;
                }
                first = more;
                next = d[p] & 0xFF;
                p += 8;
            } else {
                break;
            }
        }
        if (p > end) return null;
        return transport(src, dst, next, d, p, end, first);
    }

    private static IpPacket transport(String src, String dst, int protocol, byte[] d, int off, int end, boolean firstFragment) {
        if (protocol == IpPacket.UDP) {
            if (end < off + 8) return null;
            int len = u16(d, off + 4);
            int payloadEnd = len >= 8 && !firstFragment ? Math.min(end, off + len) : end;
            return new IpPacket(src, dst, protocol, u16(d, off), u16(d, off + 2), 0, 0, d, off + 8, payloadEnd, firstFragment);
        }
        if (protocol == IpPacket.TCP) {
            if (end < off + 20) return null;
            int dataOffset = ((d[off + 12] & 0xFF) >> 4) * 4;
            if (dataOffset < 20 || end < off + dataOffset) return null;
            long seq = ((long) u16(d, off + 4) << 16) | u16(d, off + 6);
            return new IpPacket(src, dst, protocol, u16(d, off), u16(d, off + 2), d[off + 13] & 0xFF, seq, d, off + dataOffset, end, firstFragment);
        }
        return new IpPacket(src, dst, protocol, -1, -1, 0, 0, d, off, end, firstFragment);
    }

    static int u16(byte[] d, int off) {
        return (d[off] & 0xFF) << 8 | (d[off + 1] & 0xFF);
    }
}
