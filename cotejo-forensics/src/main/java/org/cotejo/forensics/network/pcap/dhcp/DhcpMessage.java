package org.cotejo.forensics.network.pcap.dhcp;

/**
 * A DHCPv4 message (RFC 2131, options RFC 2132) as far as attribution needs it: the client's hardware
 * address, the address assigned ({@code yiaddr}), and the options message type (53), host name (12),
 * requested address (50), lease time (51) and server identifier (54).
 *
 * @param type      DHCP message type: 1 DISCOVER, 3 REQUEST, 5 ACK...; 0 when absent
 * @param leaseTime seconds, -1 when absent
 */
public record DhcpMessage(int op, long xid, String clientMac, String yourAddress, int type, String hostName, String requestedAddress,
        long leaseTime, String serverId) {
    public static final int DISCOVER = 1, REQUEST = 3, ACK = 5;
    private static final int COOKIE = 0x63825363;

    /** Why the bytes are no DHCP message. */
    public static final class Malformed extends Exception {
        Malformed(String message) { super(message); }
    }

    public static DhcpMessage parse(byte[] d, int from, int to) throws Malformed {
        if (to - from < 240) throw new Malformed("BOOTP message of " + (to - from) + " bytes is too short");
        int op = d[from] & 0xFF;
        int hlen = d[from + 2] & 0xFF;
        long xid = u32(d, from + 4);
        String yiaddr = ipv4(d, from + 16);
        String mac = hlen == 6 ? mac(d, from + 28) : null;
        if (u32(d, from + 236) != (COOKIE & 0xFFFFFFFFL)) throw new Malformed("no DHCP magic cookie");
        int type = 0;
        String host = null, requested = null, server = null;
        long lease = -1;
        int p = from + 240;
        while (p < to) {
            int code = d[p] & 0xFF;
            if (code == 255) break;
            if (code == 0) {
                p++;
                continue;
            }
            if (p + 2 > to) throw new Malformed("option " + code + " cut short");
            int len = d[p + 1] & 0xFF;
            int v = p + 2;
            if (v + len > to) throw new Malformed("option " + code + " runs past the message's end");
            switch (code) {
                case 53 -> { if (len >= 1) type = d[v] & 0xFF; }
                case 12 -> host = printable(d, v, len);
                case 50 -> { if (len == 4) requested = ipv4(d, v); }
                case 51 -> { if (len == 4) lease = u32(d, v); }
                case 54 -> { if (len == 4) server = ipv4(d, v); }
                default -> { }
            }
            p = v + len;
        }
        return new DhcpMessage(op, xid, mac, yiaddr, type, host, requested, lease, server);
    }

    private static String printable(byte[] d, int from, int len) {
        StringBuilder b = new StringBuilder(len);
        for (int i = from; i < from + len; i++) {
            int c = d[i] & 0xFF;
            if (c == 0) break;
            b.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static String ipv4(byte[] d, int p) {
        return (d[p] & 0xFF) + "." + (d[p + 1] & 0xFF) + "." + (d[p + 2] & 0xFF) + "." + (d[p + 3] & 0xFF);
    }

    /** Six bytes from {@code p} as a hardware address, "3c:22:fb:00:00:01" (DHCPv4's chaddr, a DUID's link-layer address). */
    static String mac(byte[] d, int p) {
        StringBuilder b = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) b.append(':');
            b.append(Character.forDigit((d[p + i] >> 4) & 0xF, 16)).append(Character.forDigit(d[p + i] & 0xF, 16));
        }
        return b.toString();
    }

    private static long u32(byte[] d, int p) {
        return (d[p] & 0xFFL) << 24 | (d[p + 1] & 0xFFL) << 16 | (d[p + 2] & 0xFFL) << 8 | (d[p + 3] & 0xFFL);
    }
}
