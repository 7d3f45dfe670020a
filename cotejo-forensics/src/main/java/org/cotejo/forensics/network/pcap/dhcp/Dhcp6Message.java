package org.cotejo.forensics.network.pcap.dhcp;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.cotejo.core.observable.IpAddresses;

/**
 * A DHCPv6 client/server message (RFC 8415) as far as attribution needs it: message type, transaction
 * id, the client's and server's DUIDs (options 1 and 2), the addresses of IA_NA (3) and IA_TA (4) with
 * their IA Address options (5) and lifetimes, Status Code (13) at message, IA and address level, Rapid
 * Commit (14) and the Client FQDN (39, RFC 4704). Relay messages (12, 13) are recognised by type and
 * not read further ({@link #relay()}).
 *
 * <p>Every length is checked against what encloses it (message, IA, IA Address, option): an option
 * that is cut short or runs past its container makes the message {@link Malformed}. Each option read
 * advances by at least its 4-byte header and options nest at most three deep, so parsing is linear in
 * the message's size and allocates in proportion to it.
 *
 * @param type          1 SOLICIT, 2 ADVERTISE, 3 REQUEST, 5 RENEW, 6 REBIND, 7 REPLY...
 * @param transactionId the 3-byte transaction id
 * @param client        the Client Identifier's DUID, or null
 * @param server        the Server Identifier's DUID, or null
 * @param addresses     every IA Address of every IA_NA and IA_TA, in message order
 * @param clientFqdn    the Client FQDN option's domain name, without a trailing dot, or null
 * @param status        the message-level Status Code, -1 when absent
 * @param rapidCommit   whether the Rapid Commit option is present
 */
public record Dhcp6Message(int type, int transactionId, Duid client, Duid server, List<IaAddress> addresses, String clientFqdn,
        int status, boolean rapidCommit) {
    public static final int SOLICIT = 1, ADVERTISE = 2, REQUEST = 3, CONFIRM = 4, RENEW = 5, REBIND = 6, REPLY = 7,
            RELEASE = 8, DECLINE = 9, INFORMATION_REQUEST = 11, RELAY_FORW = 12, RELAY_REPL = 13;
    private static final int CLIENTID = 1, SERVERID = 2, IA_NA = 3, IA_TA = 4, IAADDR = 5, STATUS_CODE = 13, RAPID_COMMIT = 14,
            CLIENT_FQDN = 39;
    /** RFC 8415 11.1: a DUID is at most 128 bytes after its 2-byte type. */
    private static final int MAX_DUID = 130;
    private static final int MAX_NAME = 255;

    /**
     * A DHCP Unique Identifier (RFC 8415 section 11): its bytes in hex, and the link-layer address it
     * carries when it is a DUID-LLT (1) or DUID-LL (3) of hardware type 1 (Ethernet) with 6 bytes.
     */
    public record Duid(String hex, String mac) {}

    /**
     * One address of an IA_NA or IA_TA.
     *
     * @param temporary whether it came in an IA_TA (temporary address) rather than an IA_NA
     * @param status    the Status Code of the address, else of its IA; -1 when neither has one
     */
    public record IaAddress(boolean temporary, long iaid, String address, long preferredSeconds, long validSeconds, int status) {
        /** Whether the server grants the address: valid for a while, no failure status, not "::". */
        public boolean granted() {
            return validSeconds > 0 && status <= 0 && !"::".equals(address);
        }
    }

    /** Why the bytes are no DHCPv6 message. */
    public static final class Malformed extends Exception {
        Malformed(String message) { super(message); }
    }

    /** Whether this is a relay message (RELAY-FORW or RELAY-REPL), whose options were not read. */
    public boolean relay() { return type == RELAY_FORW || type == RELAY_REPL; }

    /** The addresses the message grants ({@link IaAddress#granted()}), none when the message's status is a failure. */
    public List<IaAddress> granted() {
        if (status > 0) return List.of();
        return addresses.stream().filter(IaAddress::granted).toList();
    }

    /** Parses {@code d[from, to)} as a DHCPv6 message. */
    public static Dhcp6Message parse(byte[] d, int from, int to) throws Malformed {
        if (to - from < 1) throw new Malformed("empty message");
        int type = d[from] & 0xFF;
        if (type == RELAY_FORW || type == RELAY_REPL) {
            if (to - from < 34) throw new Malformed("relay message of " + (to - from) + " bytes is shorter than its 34-byte header");
            return new Dhcp6Message(type, -1, null, null, List.of(), null, -1, false);
        }
        if (to - from < 4) throw new Malformed("message of " + (to - from) + " bytes is shorter than its 4-byte header");
        int xid = (d[from + 1] & 0xFF) << 16 | (d[from + 2] & 0xFF) << 8 | (d[from + 3] & 0xFF);
        Duid client = null, server = null;
        String fqdn = null;
        int status = -1;
        boolean rapid = false;
        List<IaAddress> addresses = new ArrayList<>();
        for (int p = from + 4; p < to; ) {
            int code = option(d, p, to, "message");
            int v = p + 4, end = v + u16(d, p + 2);
            switch (code) {
                case CLIENTID -> { if (client == null) client = duid(d, v, end, "client identifier"); }
                case SERVERID -> { if (server == null) server = duid(d, v, end, "server identifier"); }
                case IA_NA -> ia(d, v, end, false, addresses);
                case IA_TA -> ia(d, v, end, true, addresses);
                case STATUS_CODE -> status = status(d, v, end, "message");
                case RAPID_COMMIT -> rapid = true;
                case CLIENT_FQDN -> { if (fqdn == null) fqdn = fqdn(d, v, end); }
                default -> { }
            }
            p = end;
        }
        return new Dhcp6Message(type, xid, client, server, List.copyOf(addresses), fqdn, status, rapid);
    }

    /** Checks the option header at {@code p} and that its data ends by {@code to}; returns its code. */
    private static int option(byte[] d, int p, int to, String where) throws Malformed {
        if (p + 4 > to) throw new Malformed("option header cut short in the " + where + " (" + (to - p) + " byte(s) left)");
        int code = u16(d, p), len = u16(d, p + 2);
        if (p + 4 + len > to) throw new Malformed("option " + code + " of " + len + " bytes runs past the end of the " + where);
        return code;
    }

    /** IA_NA (IAID, T1, T2, options) or IA_TA (IAID, options): its IA Address options and status. */
    private static void ia(byte[] d, int from, int to, boolean temporary, List<IaAddress> out) throws Malformed {
        String name = temporary ? "IA_TA" : "IA_NA";
        int fixed = temporary ? 4 : 12;
        if (to - from < fixed) throw new Malformed(name + " of " + (to - from) + " bytes is shorter than its " + fixed + "-byte header");
        long iaid = u32(d, from);
        int first = out.size();
        int status = -1;
        for (int p = from + fixed; p < to; ) {
            int code = option(d, p, to, name);
            int v = p + 4, end = v + u16(d, p + 2);
            if (code == IAADDR) {
                if (end - v < 24) throw new Malformed("IA Address of " + (end - v) + " bytes in " + name + " is shorter than 24 bytes");
                int own = -1;
                for (int q = v + 24; q < end; ) {
                    int c = option(d, q, end, "IA Address");
                    int w = q + 4, e = w + u16(d, q + 2);
                    if (c == STATUS_CODE) own = status(d, w, e, "IA Address");
                    q = e;
                }
                out.add(new IaAddress(temporary, iaid, ipv6(d, v), u32(d, v + 16), u32(d, v + 20), own));
            } else if (code == STATUS_CODE) {
                status = status(d, v, end, name);
            }
            p = end;
        }
        if (status < 0) return;
        for (int i = first; i < out.size(); i++) {
            IaAddress a = out.get(i);
            if (a.status() < 0) out.set(i, new IaAddress(a.temporary(), a.iaid(), a.address(), a.preferredSeconds(), a.validSeconds(), status));
        }
    }

    private static int status(byte[] d, int from, int to, String where) throws Malformed {
        if (to - from < 2) throw new Malformed("status code in the " + where + " shorter than 2 bytes");
        return u16(d, from);
    }

    private static Duid duid(byte[] d, int from, int to, String what) throws Malformed {
        int len = to - from;
        if (len < 2 || len > MAX_DUID) throw new Malformed(what + " DUID of " + len + " bytes (2 to " + MAX_DUID + " allowed)");
        int duidType = u16(d, from);
        String mac = null;
        if (duidType == 1 && len == 14 && u16(d, from + 2) == 1) mac = DhcpMessage.mac(d, from + 8);
        else if (duidType == 3 && len == 10 && u16(d, from + 2) == 1) mac = DhcpMessage.mac(d, from + 4);
        return new Duid(HexFormat.of().formatHex(d, from, to), mac);
    }

    /**
     * The domain name of a Client FQDN option (RFC 4704 section 4.2: flags, then a name in DNS wire
     * format without compression; a partial name lacks the final zero-length label), at most
     * {@value #MAX_NAME} bytes as in DNS.
     */
    private static String fqdn(byte[] d, int from, int to) throws Malformed {
        if (to - from < 1) throw new Malformed("client FQDN option without its flags byte");
        StringBuilder b = new StringBuilder();
        for (int p = from + 1; p < to; ) {
            int len = d[p] & 0xFF;
            if (len == 0) break;
            if (len > 63) throw new Malformed("client FQDN label with length byte " + len + " (over 63; compression is not allowed here)");
            if (p + 1 + len > to) throw new Malformed("client FQDN label runs past the option's end");
            if (p + 1 + len - from - 1 > MAX_NAME) throw new Malformed("client FQDN name over " + MAX_NAME + " bytes");
            if (b.length() > 0) b.append('.');
            for (int i = p + 1; i <= p + len; i++) {
                int c = d[i] & 0xFF;
                b.append(c > 0x20 && c < 0x7F ? (char) c : '?');
            }
            p += 1 + len;
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** The address in the canonical text {@code DeviceAddresses} keys its labels by. */
    private static String ipv6(byte[] d, int p) {
        String full;
        try {
            full = Inet6Address.getByAddress(null, Arrays.copyOfRange(d, p, p + 16), -1).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
        try {
            return IpAddresses.normaliseIpv6(full);
        } catch (IllegalArgumentException e) {
            return full; // not expected for eight plain groups; the uncompressed text still names the address
        }
    }

    private static int u16(byte[] d, int p) {
        return (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF);
    }

    private static long u32(byte[] d, int p) {
        return (d[p] & 0xFFL) << 24 | (d[p + 1] & 0xFFL) << 16 | (d[p + 2] & 0xFFL) << 8 | (d[p + 3] & 0xFFL);
    }
}
