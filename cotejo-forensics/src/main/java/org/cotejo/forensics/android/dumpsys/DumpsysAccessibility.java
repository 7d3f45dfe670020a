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
 * Accessibility services ({@code dumpsys accessibility}): they can read the screen and act as the user,
 * which is how much Android spyware and stalkerware works. Two formats: before Android 14 an
 * {@code installed services:} block lists one {@code N : pkg/service} per line, until a line holding
 * only a closing brace; from Android 14 an {@code Enabled services:} line lists the enabled ones, each
 * {@code pkg/service} in braces.
 * Record {@code {package_name, service, list}} where {@code list} says which list it came from.
 */
public final class DumpsysAccessibility extends DumpsysModule {
    private static final Pattern GROUP = Pattern.compile("\\{([^{}]+)}");

    @Override public String name() { return "DumpsysAccessibility"; }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Accessibility services installed or enabled (dumpsys accessibility)"; }
    @Override String section() { return "accessibility"; }

    @Override
    SectionParser parser(Emitter out) {
        return new SectionParser() {
            boolean installed;

            @Override
            public boolean line(long number, String text) {
                String t = text.strip();
                if (t.startsWith("installed services:")) {
                    installed = true;
                } else if (installed && t.equals("}")) {
                    installed = false;
                } else if (installed) {
                    int colon = t.indexOf(':');
                    if (colon >= 0) emit(out, t.substring(colon + 1).strip(), "installed", number);
                } else if (t.startsWith("Enabled services:")) {
                    Matcher m = GROUP.matcher(t.substring("Enabled services:".length()));
                    while (m.find()) {
                        for (String s : m.group(1).split(",")) if (s.contains("/")) emit(out, s.strip(), "enabled", number);
                    }
                }
                return true;
            }
        };
    }

    private static void emit(Emitter out, String service, String list, long line) {
        if (service.isEmpty()) return;
        int slash = service.indexOf('/');
        out.emit(Fields.builder()
                .put("package_name", slash < 0 ? service : service.substring(0, slash))
                .put("service", service)
                .put("list", list)
                .build(), line);
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).add(ObservableType.APP_ID, "package_name", r.string("package_name")).list();
    }
}
