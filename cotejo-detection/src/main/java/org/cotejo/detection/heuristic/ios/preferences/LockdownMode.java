package org.cotejo.detection.heuristic.ios.preferences;

import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;

/**
 * Whether Lockdown Mode is on (INFO) or was turned off (LOW), as MVT reports it. A phone whose
 * settings never mention it says nothing.
 */
public final class LockdownMode implements Heuristic {
    static final String SETTING = "LDMGlobalEnabled";

    @Override public String id() { return "preferences.lockdown-mode"; }
    @Override public String description() { return "Whether Lockdown Mode, Apple's hardening against spyware, is on or off"; }
    @Override public Set<String> modules() { return Set.of("global_preferences"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            if (!SETTING.equals(record.fields().string("entry"))) return;
            boolean on = record.fields().truthy("value");
            String message = on ? "Lockdown Mode is enabled" : "Lockdown Mode is disabled";
            out.alert(new Alert(on ? Level.INFO : Level.LOW, id(), message + " (" + SETTING + " = " + record.fields().text("value")
                    + " in " + record.provenance().describe() + ")", null, record));
        };
    }
}
