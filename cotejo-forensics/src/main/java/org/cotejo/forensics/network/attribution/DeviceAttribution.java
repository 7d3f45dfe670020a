package org.cotejo.forensics.network.attribution;

import java.util.HashMap;
import java.util.Map;

/**
 * Which device an address belongs to, as a capture is read in one pass: the analyst's addresses
 * ({@link DeviceAddresses}) and what DHCP leases in the capture teach, each from its lease on.
 *
 * <p>A lease of an address the analyst named binds that device's hardware address to its label, so
 * a later lease of another address to the same hardware keeps the label. A lease to any other device
 * labels its address with the host name the client gave (DHCP option 12), else its hardware address.
 * A later lease of the same address replaces the earlier one.
 */
public final class DeviceAttribution {
    private static final int MAX_LEARNED = 65_536;

    private final DeviceAddresses given;
    private final Map<String, String> byMac = new HashMap<>();
    private final Map<String, String> learned = new HashMap<>();

    public DeviceAttribution(DeviceAddresses given) {
        this.given = given;
    }

    /** Records a lease (DHCPACK): {@code mac} holds {@code address} from now on. Returns the label given. */
    public String lease(String mac, String address, String hostName) {
        String canonical = DeviceAddresses.canonical(address);
        if (canonical == null || "0.0.0.0".equals(canonical)) return null;
        String label = given.label(canonical);
        if (label != null && mac != null) {
            if (byMac.size() < MAX_LEARNED) byMac.put(mac, label);
        } else if (mac != null) {
            label = byMac.get(mac);
        }
        if (label == null) label = hostName != null ? hostName : mac;
        if (label != null && learned.size() < MAX_LEARNED) learned.put(canonical, label);
        return label;
    }

    /** The device label of an address now, or null. Addresses come in the decoder's canonical text. */
    public String label(String address) {
        if (address == null) return null;
        String l = learned.isEmpty() ? null : learned.get(address);
        return l != null ? l : given.label(address);
    }

    /** The label for a flow: its client's, else its server's (a phone may serve too), else null. */
    public String label(String client, String server) {
        String l = label(client);
        return l != null ? l : label(server);
    }

    public boolean isEmpty() { return given.isEmpty() && learned.isEmpty(); }
}
