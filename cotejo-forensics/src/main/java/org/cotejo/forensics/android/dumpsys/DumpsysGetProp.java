package org.cotejo.forensics.android.dumpsys;

import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.android.artifacts.GetProp;
import org.cotejo.forensics.android.bugreport.Dumpstate;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TraceClass;

/**
 * System properties from the dumpstate's {@code SYSTEM PROPERTIES} block (build, patch level, time
 * zone, serial number), read with the shared {@link GetProp} parser. Record {@code {name, value}}.
 */
public final class DumpsysGetProp extends DumpsysModule {
    @Override public String name() { return "DumpsysGetProp"; }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    @Override public String description() { return "System properties (dumpstate SYSTEM PROPERTIES block)"; }
    @Override String section() { return Dumpstate.SYSTEM_PROPERTIES; }

    @Override
    SectionParser parser(Emitter out) {
        return (number, text) -> {
            GetProp.Property p = GetProp.parse(text, number);
            if (p != null) out.emit(Fields.builder().put("name", p.name()).put("value", p.value()).build(), number);
            return true;
        };
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).add(ObservableType.ANDROID_PROPERTY, "name", r.string("name")).list();
    }
}
