package org.cotejo.forensics.network.logs;

import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;

/** Addresses and ports as the Zeek and Suricata modules observe and describe them. */
final class Endpoints {
    private Endpoints() {}

    /** An address as IPv4 or IPv6 by its shape. */
    static void ip(Observations o, String field, String address) {
        if (address == null) return;
        o.add(address.indexOf(':') >= 0 ? ObservableType.IPV6 : ObservableType.IPV4, field, address);
    }

    /** "host:port" with brackets around an IPv6 host; the host alone without a port. */
    static String endpoint(Fields r, String host, String port) {
        String h = r.text(host);
        String p = r.string(port);
        if (h.indexOf(':') >= 0) h = "[" + h + "]";
        return p == null ? h : h + ":" + p;
    }
}
