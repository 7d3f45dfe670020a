package org.cotejo.forensics.android.dumpsys;

import java.util.ArrayList;
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
 * Installed packages ({@code dumpsys package}, the {@code Packages:} block up to its first blank line):
 * version, installer, system flag, install and update times, permissions. Record
 * {@code {package_name, uid, version_name, version_code, timestamp, first_install_time,
 * last_update_time, installer, system, permissions[{name, granted, type}], requested_permissions,
 * code_path}}. {@code version_code} is the number alone (MVT keeps the rest of the line, e.g.
 * {@code minSdk=28}). dumpsys prints only the Java hash codes of the signatures
 * ({@code signatures:[b378e95c]}), not certificate digests, so no certificate hash is observed here.
 */
public final class DumpsysPackages extends DumpsysModule {
    private static final Pattern PACKAGE = Pattern.compile("^ {2}Package \\[([^\\]]+)]");

    @Override public String name() { return "DumpsysPackages"; }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() { return "Installed packages with installer, times and permissions (dumpsys package)"; }
    @Override String section() { return "package"; }

    @Override
    SectionParser parser(Emitter out) {
        return new SectionParser() {
            boolean inPackages;
            PackageBlock current;

            @Override
            public boolean line(long number, String text) {
                if (!inPackages) {
                    inPackages = text.strip().equals("Packages:") && !Character.isWhitespace(text.charAt(0));
                    return true;
                }
                if (text.isBlank()) return false;
                Matcher m = PACKAGE.matcher(text);
                if (m.find()) {
                    end();
                    current = new PackageBlock(m.group(1), number);
                } else if (current != null) {
                    current.line(text);
                }
                return true;
            }

            @Override
            public void end() {
                if (current != null) out.emit(current.fields(out.zone()), current.line);
                current = null;
            }
        };
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace())
                .add(ObservableType.APP_ID, "package_name", r.string("package_name"))
                .add(ObservableType.APP_ID, "installer", r.string("installer"))
                .add(ObservableType.FILE_PATH, "code_path", r.string("code_path"))
                .list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        String what = "Install or update of package " + r.text("package_name");
        List<TimelineEvent> out = new ArrayList<>();
        out.addAll(DeviceTime.event(r, r.string("timestamp"), slug(), "package_install", what));
        out.addAll(DeviceTime.event(r, r.string("first_install_time"), slug(), "package_first_install", what));
        out.addAll(DeviceTime.event(r, r.string("last_update_time"), slug(), "package_last_update", what));
        return out;
    }
}
