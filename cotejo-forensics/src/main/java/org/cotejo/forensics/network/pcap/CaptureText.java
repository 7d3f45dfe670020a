package org.cotejo.forensics.network.pcap;

import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;

/** How the capture modules name endpoints in timelines and observe addresses. */
final class CaptureText {
    private CaptureText() {}

    /** The client: its device label with its address when attributed, else its address. */
    static String who(Fields r) {
        String device = r.string("device");
        String ip = r.text("client_ip");
        return device == null || device.equals(ip) ? ip : device + " (" + ip + ")";
    }

    /** "host:port", brackets around an IPv6 host. */
    static String endpoint(Fields r, String host, String port) {
        String h = r.text(host);
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + r.text(port);
    }

    /** An address as IPv4 or IPv6 by its shape. */
    static void ip(Observations o, String field, String address) {
        if (address == null) return;
        o.add(address.indexOf(':') >= 0 ? ObservableType.IPV6 : ObservableType.IPV4, field, address);
    }
}
