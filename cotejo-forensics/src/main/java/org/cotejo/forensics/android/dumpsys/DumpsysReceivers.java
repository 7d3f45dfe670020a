package org.cotejo.forensics.android.dumpsys;

import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TraceClass;

/**
 * The broadcast receivers apps registered for intents without data ({@code dumpsys package}, Receiver
 * Resolver Table): an app listening for incoming SMS, outgoing calls or phone state is one to look at.
 * Record {@code {intent, package_name, receiver}}, one per receiver (MVT groups them by intent).
 */
public final class DumpsysReceivers extends DumpsysModule {
    @Override public String name() { return "DumpsysReceivers"; }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Broadcast receivers registered for intents (dumpsys package, Receiver Resolver Table)"; }
    @Override String section() { return "package"; }

    @Override
    SectionParser parser(Emitter out) {
        return new ResolverTable("Receiver Resolver Table:", (intent, pkg, receiver, line) -> out.emit(Fields.builder()
                .put("intent", intent).put("package_name", pkg).put("receiver", receiver).build(), line));
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).add(ObservableType.APP_ID, "package_name", r.string("package_name")).list();
    }
}
