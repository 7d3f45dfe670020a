package org.cotejo.forensics.network.attribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * The analyst's word on which addresses belong to which device during a capture ({@code --device-ip
 * ADDR[=LABEL]}): address (canonical form) to label, the label defaulting to the address. Attached to
 * a network extraction with {@code Extraction.with(DeviceAddresses.class, ...)}; the capture modules
 * read it (and extend it with DHCP leases, see {@link DeviceAttribution}), and {@link #attributing}
 * labels the records of the log modules.
 */
public record DeviceAddresses(Map<String, String> labels) {
    public static final DeviceAddresses NONE = new DeviceAddresses(Map.of());

    /** The record fields that hold a local (client) address, then a remote one, in the order they are tried. */
    static final List<String> ADDRESS_FIELDS = List.of("client_ip", "id.orig_h", "src_ip", "server_ip", "id.resp_h", "dest_ip");

    public DeviceAddresses {
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Reads {@code ADDR[=LABEL]} values; a malformed address is a user error naming it. */
    public static DeviceAddresses parse(List<String> specs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String address = (eq < 0 ? spec : spec.substring(0, eq)).strip();
            String label = eq < 0 ? null : spec.substring(eq + 1).strip();
            String canonical = canonical(address);
            if (canonical == null) throw new CotejoException("--device-ip: '" + address + "' is not an IPv4 or IPv6 address");
            labels.put(canonical, label == null || label.isEmpty() ? canonical : label);
        }
        return new DeviceAddresses(labels);
    }

    /** The canonical form of an address, or null when it is none. */
    public static String canonical(String address) {
        if (address == null || address.isEmpty()) return null;
        try {
            return (address.indexOf(':') >= 0 ? ObservableType.IPV6 : ObservableType.IPV4).normalise(address).value();
        } catch (InvalidObservableException e) {
            return null;
        }
    }

    public boolean isEmpty() { return labels.isEmpty(); }

    /** The label of an address (any form), or null. */
    public String label(String address) {
        if (labels.isEmpty() || address == null) return null;
        String l = labels.get(address);
        if (l != null) return l;
        String c = canonical(address);
        return c == null ? null : labels.get(c);
    }

    /**
     * A listener that adds a {@code device} field, and the label to timeline descriptions, to every
     * record that has none yet and holds one of these addresses in a usual address field.
     */
    public RunListener attributing(RunListener next) {
        if (labels.isEmpty()) return next;
        return new RunListener() {
            @Override public void moduleStarted(org.cotejo.forensics.module.ArtifactModule m) { next.moduleStarted(m); }

            @Override public void problem(org.cotejo.forensics.module.ModuleProblem p) { next.problem(p); }

            @Override public void moduleFinished(org.cotejo.forensics.module.ArtifactModule m, long records, java.time.Duration took) {
                next.moduleFinished(m, records, took);
            }

            @Override
            public void record(Record r) {
                next.record(r.fields().has("device") ? r : attribute(r));
            }
        };
    }

    Record attribute(Record r) {
        String label = null;
        for (String field : ADDRESS_FIELDS) {
            label = label(r.fields().string(field));
            if (label != null) break;
        }
        if (label == null) return r;
        Fields fields = r.fields().with("device", label);
        String suffix = " [device: " + label + "]";
        List<TimelineEvent> timeline = r.timeline().stream()
                .map(t -> new TimelineEvent(t.time(), t.module(), t.event(), t.description() + suffix, t.deviceLocal())).toList();
        return new Record(r.module(), fields, r.provenance(), r.observables(), timeline);
    }
}
