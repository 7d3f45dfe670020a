package org.cotejo.forensics.android.dumpsys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * App operations per package ({@code dumpsys appops}): which app may do what (install other apps, read
 * SMS, draw over others) and when it last did or was refused. Record per package
 * {@code {package_name, uid, permissions[{name, access, entries[{access, type, timestamp}]}]}}; the
 * timestamps are the device's wall clock as printed. Parsing starts at the first {@code Uid} line (MVT
 * waits for {@code Uid 0:}) and ends at the first blank line after it; per-uid modes (listed before
 * any package of that uid) belong to no package and are not kept, as in MVT.
 */
public final class DumpsysAppops extends DumpsysModule {
    private static final Pattern UID = Pattern.compile("^ {2}Uid (\\S+):");
    private static final Pattern PACKAGE = Pattern.compile("^ {4}Package (\\S+):");
    private static final Pattern PERMISSION = Pattern.compile("^ {6}(\\S+?):?(?:\\s+\\(([^)]*)\\):?)?\\s*$");
    private static final Pattern ENTRY = Pattern.compile(
            "^ {10,}(Access|Reject): \\[([^\\]]*)]\\s*(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3})?");

    @Override public String name() { return "DumpsysAppops"; }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "App operations allowed to or used by each package (dumpsys appops)"; }
    @Override String section() { return "appops"; }

    @Override
    SectionParser parser(Emitter out) {
        return new SectionParser() {
            boolean started;
            String uid;
            String pkg;
            long pkgLine;
            List<Map<String, Object>> permissions = new ArrayList<>();
            List<Map<String, Object>> entries;

            @Override
            public boolean line(long number, String text) {
                Matcher m = UID.matcher(text);
                if (m.find()) {
                    flush();
                    started = true;
                    uid = m.group(1);
                    return true;
                }
                if (!started) return true;
                if (text.isBlank()) {
                    return false;
                }
                if ((m = PACKAGE.matcher(text)).find()) {
                    flush();
                    pkg = m.group(1);
                    pkgLine = number;
                } else if (pkg != null && text.startsWith("      ") && !text.startsWith("       ")) {
                    if ((m = PERMISSION.matcher(text)).matches() && m.group(2) != null) {
                        entries = new ArrayList<>();
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put("name", m.group(1));
                        p.put("entries", entries);
                        p.put("access", m.group(2).strip().split("\\s+")[0]);
                        permissions.add(p);
                    }
                } else if (pkg != null && entries != null && (m = ENTRY.matcher(text)).find()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("access", m.group(1));
                    e.put("type", m.group(2));
                    if (m.group(3) != null && DeviceTime.parse(m.group(3)) != null) e.put("timestamp", m.group(3));
                    entries.add(e);
                }
                return true;
            }

            @Override
            public void end() { flush(); }

            private void flush() {
                if (pkg != null) {
                    out.emit(DeviceTime.zone(Fields.builder(), out.zone())
                            .put("package_name", pkg).put("permissions", permissions).put("uid", uid).build(), pkgLine);
                }
                pkg = null;
                permissions = new ArrayList<>();
                entries = null;
            }
        };
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).add(ObservableType.APP_ID, "package_name", r.string("package_name")).list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        List<TimelineEvent> out = new ArrayList<>();
        for (Object p : r.list("permissions")) {
            if (!(p instanceof Map<?, ?> perm)) continue;
            Object es = perm.get("entries");
            if (!(es instanceof List<?> list)) continue;
            for (Object e : list) {
                if (!(e instanceof Map<?, ?> entry) || entry.get("timestamp") == null) continue;
                out.addAll(DeviceTime.event(r, String.valueOf(entry.get("timestamp")), slug(), String.valueOf(entry.get("access")),
                        r.text("package_name") + " access to " + perm.get("name") + ": " + entry.get("access")));
            }
        }
        return out;
    }
}
