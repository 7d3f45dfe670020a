package org.cotejo.forensics.android.dumpsys;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * The last SQL operations on each app database ({@code dumpsys dbinfo}): which process opened which
 * database, and when. Record {@code {isodate, action, sql, path, pid}}; {@code isodate} is the time as
 * printed (device wall clock; some Android versions omit the year, and such times get no timeline
 * event).
 */
public final class DumpsysDBInfo extends DumpsysModule {
    private static final Pattern POOL = Pattern.compile("^Connection pool for (.+):$");
    private static final Pattern OPERATION = Pattern.compile(
            "^ {8}\\d+: \\[((?:\\d{4}-)?\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3})] (?:\\[Pid:\\((\\d+)\\)])?(\\S+).*? sql=\"(.*)\"");

    @Override public String name() { return "DumpsysDBInfo"; }
    @Override public String slug() { return "dbinfo"; }
    @Override public TraceClass trace() { return TraceClass.EXECUTION; }
    @Override public String description() { return "Recent SQL operations on app databases (dumpsys dbinfo)"; }
    @Override String section() { return "dbinfo"; }

    @Override
    SectionParser parser(Emitter out) {
        return new SectionParser() {
            String path;
            boolean operations;

            @Override
            public boolean line(long number, String text) {
                Matcher m = POOL.matcher(text.strip());
                if (m.matches()) {
                    path = m.group(1);
                    operations = false;
                } else if (text.strip().equals("Most recently executed operations:")) {
                    operations = true;
                } else if (operations && (m = OPERATION.matcher(text)).find()) {
                    Fields.Builder b = DeviceTime.zone(Fields.builder(), out.zone())
                            .put("isodate", m.group(1)).put("action", m.group(3)).put("sql", m.group(4)).put("path", path);
                    if (m.group(2) != null) b.put("pid", Long.parseLong(m.group(2)));
                    out.emit(b.build(), number);
                }
                return true;
            }
        };
    }

    /** The database path, and each folder of it that reads as a package name, as an app id. */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String path = r.string("path");
        if (path == null) return o.list();
        o.add(ObservableType.FILE_PATH, "path", path);
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].matches("[A-Za-z][\\w]*(\\.[A-Za-z0-9_]+)+")) o.add(ObservableType.APP_ID, "path", parts[i]);
        }
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        return DeviceTime.event(r, r.string("isodate"), slug(), "dbinfo_" + r.text("action"),
                r.text("action") + " on " + r.text("path") + ": " + r.text("sql"));
    }
}
