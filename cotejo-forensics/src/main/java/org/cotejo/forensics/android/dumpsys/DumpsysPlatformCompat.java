package org.cotejo.forensics.android.dumpsys;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TraceClass;

/**
 * Packages named in the overrides of the {@code DOWNSCALED} compatibility change
 * ({@code dumpsys platform_compat}): Android keeps them after an app is uninstalled, so they show apps
 * that were installed at some point. Record {@code {package_name}}, one per override.
 */
public final class DumpsysPlatformCompat extends DumpsysModule {
    private static final String CHANGE = "ChangeId(168419799; name=DOWNSCALED;";
    private static final Pattern RAW = Pattern.compile("rawOverrides=\\{([^}]*)};");

    @Override public String name() { return "DumpsysPlatformCompat"; }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Apps installed at some point, from compatibility overrides (dumpsys platform_compat)"; }
    @Override String section() { return "platform_compat"; }

    @Override
    SectionParser parser(Emitter out) {
        return (number, text) -> {
            String t = text.strip();
            if (!t.startsWith(CHANGE)) return true;
            Matcher m = RAW.matcher(t);
            if (!m.find()) return true;
            for (String pair : m.group(1).split(",")) {
                String key = pair.split("=", 2)[0].strip();
                if (!key.isEmpty()) out.emit(Fields.builder().put("package_name", key).build(), number);
            }
            return true;
        };
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).add(ObservableType.APP_ID, "package_name", r.string("package_name")).list();
    }
}
