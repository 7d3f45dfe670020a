package org.cotejo.forensics.android.intrusion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * The DNS look-ups apps made ({@code dns_event}: hostname, the addresses it resolved to, the app), from
 * an intrusion-logging export: the domains of spyware infrastructure the phone reached, and which app
 * reached them. {@code event_time} is in epoch milliseconds.
 *
 * <p>Each of the three event modules reads the export's files itself, streaming, rather than one pass
 * shared through {@code dependsOn}: the runner keeps a dependency's records in memory, which an export
 * of millions of events must not cost. Each file is read three times instead, one line at a time.
 */
public final class DnsEvent implements ArtifactModule {
    static final String TYPE = "dns_event";

    @Override public String name() { return "DnsEvent"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.INTRUSION_LOGS); }
    @Override public TraceClass trace() { return TraceClass.NETWORK; }
    @Override public String description() { return "DNS look-ups by app from an Android 16 intrusion-logging export"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        IntrusionLogReader.read(ctx, TYPE, (file, line, event) -> EventRecords.emit(ctx, file, line, event, EventRecords.Unit.MILLIS));
    }

    /**
     * The hostname as a domain, each resolved address (the unspecified 0.0.0.0 a blocked look-up
     * returns is no address), and the app as an app id: an app that made a look-up ran on the device,
     * so its id is an execution trace, not a network one.
     */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.DOMAIN, "hostname", r.string("hostname"));
        List<String> ips = addresses(r);
        for (int i = 0; i < ips.size(); i++) ip(o, "ip_addresses[" + i + "]", ips.get(i));
        o.add(ObservableType.APP_ID, "package_name", r.string("package_name"), TraceClass.EXECUTION);
        return o.list();
    }

    static void ip(Observations o, String field, String address) {
        if (address.indexOf(':') >= 0) o.add(ObservableType.IPV6, field, address);
        else o.add(ObservableType.IPV4, field, address);
    }

    /** The resolved addresses, '/' prefix stripped, 0.0.0.0 left out. */
    private static List<String> addresses(Fields r) {
        List<String> out = new ArrayList<>();
        for (String raw : r.strings("ip_addresses")) {
            String ip = EventRecords.address(raw);
            if (ip != null && !ip.equals("0.0.0.0")) out.add(ip);
        }
        return out;
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = EventRecords.time(r, EventRecords.Unit.MILLIS);
        if (t == null) return List.of();
        List<String> ips = addresses(r);
        return List.of(new TimelineEvent(t, slug(), "dns_query", "DNS query for " + r.text("hostname") + " by " + r.text("package_name")
                + (ips.isEmpty() ? "" : " [IPs: " + String.join(", ", ips) + "]")));
    }
}
