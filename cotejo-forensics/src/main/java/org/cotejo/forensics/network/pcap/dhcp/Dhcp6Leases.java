package org.cotejo.forensics.network.pcap.dhcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DHCPv6 leases of one capture, read message by message in capture order (RFC 8415 section 18).
 * A REPLY grants a lease of each address it carries in an IA_NA or IA_TA with a valid lifetime above
 * zero and no failure status, when it answers a REQUEST, RENEW or REBIND, or a SOLICIT with Rapid
 * Commit; a REPLY to a CONFIRM, RELEASE, DECLINE or INFORMATION-REQUEST grants nothing. A REPLY whose
 * request was not captured (the capture began mid-exchange, or the request was forgotten) is judged by
 * its own content. ADVERTISEs only offer addresses and are not leases.
 *
 * <p>The client's messages are remembered by client DUID and transaction id, and the host name of its
 * Client FQDN option by client DUID, each for the last {@value #MAX_PENDING} clients or exchanges, so
 * memory stays bounded whatever the capture. Relay messages are counted, not read.
 */
public final class Dhcp6Leases {
    static final int MAX_PENDING = 1024;

    /** One leased address: the REPLY granting it, the address, and the client's host name (or null). */
    public record Lease(Dhcp6Message reply, Dhcp6Message.IaAddress address, String hostName) {
        /** The client's hardware address from its DUID, else {@code duid:HEX}: what names the device. */
        public String clientKey() {
            Dhcp6Message.Duid c = reply.client();
            return c.mac() != null ? c.mac() : "duid:" + c.hex();
        }
    }

    private final Map<String, Integer> requests = bounded();
    private final Map<String, String> hostNames = bounded();
    private long relays;

    /** Reads the next message of the capture; returns the leases it grants, usually none. */
    public List<Lease> read(Dhcp6Message m) {
        if (m.relay()) {
            relays++;
            return List.of();
        }
        if (m.client() == null) return List.of();
        String duid = m.client().hex();
        String exchange = duid + "/" + m.transactionId();
        switch (m.type()) {
            case Dhcp6Message.SOLICIT, Dhcp6Message.REQUEST, Dhcp6Message.RENEW, Dhcp6Message.REBIND -> {
                requests.put(exchange, m.type());
                if (m.clientFqdn() != null) hostNames.put(duid, m.clientFqdn());
            }
            case Dhcp6Message.CONFIRM, Dhcp6Message.RELEASE, Dhcp6Message.DECLINE, Dhcp6Message.INFORMATION_REQUEST ->
                    requests.put(exchange, m.type());
            case Dhcp6Message.REPLY -> {
                Integer asked = requests.get(exchange); // kept: a server may send its REPLY again
                if (asked != null && !grants(asked, m)) return List.of();
                List<Dhcp6Message.IaAddress> granted = m.granted();
                if (granted.isEmpty()) return List.of();
                String host = hostNames.get(duid);
                String name = host != null ? host : m.clientFqdn();
                return granted.stream().map(a -> new Lease(m, a, name)).toList();
            }
            default -> { }
        }
        return List.of();
    }

    /** How many relay messages (RELAY-FORW, RELAY-REPL) were skipped. */
    public long relaysSkipped() { return relays; }

    private static boolean grants(int asked, Dhcp6Message reply) {
        return asked == Dhcp6Message.REQUEST || asked == Dhcp6Message.RENEW || asked == Dhcp6Message.REBIND
                || (asked == Dhcp6Message.SOLICIT && reply.rapidCommit());
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, V> e) { return size() > MAX_PENDING; }
        };
    }
}
