package org.cotejo.forensics.android.dumpsys;

import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TraceClass;

/**
 * The activities apps registered for intents without data ({@code dumpsys package}, Activity Resolver
 * Table): which app answers which action. Record {@code {intent, package_name, activity}}.
 */
public final class DumpsysActivities extends DumpsysModule {
    @Override public String name() { return "DumpsysActivities"; }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Activities registered for intents (dumpsys package, Activity Resolver Table)"; }
    @Override String section() { return "package"; }

    @Override
    SectionParser parser(Emitter out) {
        return new ResolverTable("Activity Resolver Table:", (intent, pkg, activity, line) -> out.emit(Fields.builder()
                .put("intent", intent).put("package_name", pkg).put("activity", activity).build(), line));
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).add(ObservableType.APP_ID, "package_name", r.string("package_name")).list();
    }
}
