package org.cotejo.forensics.android.intrusion;

import java.time.Instant;
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
 * The network connections apps opened ({@code connect_event}: address, port, app), from an
 * intrusion-logging export; {@code event_time} in epoch milliseconds. Read like {@link DnsEvent}.
 */
public final class ConnectEvent implements ArtifactModule {
    static final String TYPE = "connect_event";
    /** Loopback and unspecified addresses: connections to the device itself say nothing of a server. */
    private static final Set<String> LOCAL = Set.of("::1", "127.0.0.1", "0.0.0.0");

    @Override public String name() { return "ConnectEvent"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.INTRUSION_LOGS); }
    @Override public TraceClass trace() { return TraceClass.NETWORK; }
    @Override public String description() { return "Network connections by app from an Android 16 intrusion-logging export"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        IntrusionLogReader.read(ctx, TYPE, (file, line, event) -> EventRecords.emit(ctx, file, line, event, EventRecords.Unit.MILLIS));
    }

    /** The remote address (the part after the last '/', loopback left out) and the app, as in {@link DnsEvent}. */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String ip = EventRecords.address(r.string("ip_address"));
        if (ip != null && !LOCAL.contains(ip)) DnsEvent.ip(o, "ip_address", ip);
        o.add(ObservableType.APP_ID, "package_name", r.string("package_name"), TraceClass.EXECUTION);
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = EventRecords.time(r, EventRecords.Unit.MILLIS);
        if (t == null) return List.of();
        String ip = EventRecords.address(r.string("ip_address"));
        String host = ip == null ? "" : ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip; // [::1]:443, not ::1:443
        return List.of(new TimelineEvent(t, slug(), "network_connection", "Connection to " + host + ":" + r.text("port")
                + " by " + r.text("package_name")));
    }
}
