package org.cotejo.forensics.network.pcap;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A captured packet decoded down to its transport: addresses, protocol, ports and where the transport
 * payload lies in the captured bytes.
 *
 * @param source       source address as text ("198.51.100.7", "2001:db8::1")
 * @param destination  destination address as text
 * @param protocol     IP protocol number (6 TCP, 17 UDP, others carried undecoded)
 * @param sourcePort   UDP/TCP source port, -1 for other protocols
 * @param destPort     UDP/TCP destination port, -1 for other protocols
 * @param tcpFlags     TCP flags byte, 0 otherwise
 * @param tcpSeq       TCP sequence number, 0 otherwise
 * @param data         the captured bytes
 * @param payloadStart offset of the transport payload in {@code data}
 * @param payloadEnd   end (exclusive) of the payload, trimmed to the IP and UDP lengths (Ethernet padding left out)
 * @param firstFragment whether the packet is the first fragment of a fragmented datagram (its payload is incomplete)
 */
public record IpPacket(String source, String destination, int protocol, int sourcePort, int destPort, int tcpFlags, long tcpSeq,
        byte[] data, int payloadStart, int payloadEnd, boolean firstFragment) {

    public static final int TCP = 6;
    public static final int UDP = 17;

    public int payloadLength() { return payloadEnd - payloadStart; }

    static String address(byte[] data, int offset, int length) {
        if (length == 4) { // dotted quad without InetAddress: two per new flow in a busy capture
            return new StringBuilder(15).append(data[offset] & 0xFF).append('.').append(data[offset + 1] & 0xFF).append('.')
                    .append(data[offset + 2] & 0xFF).append('.').append(data[offset + 3] & 0xFF).toString();
        }
        byte[] a = java.util.Arrays.copyOfRange(data, offset, offset + length);
        try {
            String s = InetAddress.getByAddress(a).getHostAddress();
            return length == 16 ? compress(s) : s;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // lengths are 4 or 16
        }
    }

    /** Java writes IPv6 in full ("2001:db8:0:0:0:0:0:1"); the usual form compresses the longest zero run. */
    static String compress(String full) {
        String[] parts = full.split(":");
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < parts.length; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) j++;
                if (j - i > bestLen && j - i > 1) { bestStart = i; bestLen = j - i; }
                i = j;
            } else i++;
        }
        if (bestStart < 0) return full;
        String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
        return head + "::" + tail;
    }
}
