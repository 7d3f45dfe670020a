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
 * App activity in the battery history ({@code dumpsys batterystats}, the {@code Battery History} block
 * up to its first blank line): jobs started and ended, apps brought to the foreground, alarms that woke
 * the phone. Record {@code {time_elapsed, event, uid, package_name, service}}; times are offsets from
 * the history's start, so there is no timeline.
 */
public final class DumpsysBatteryHistory extends DumpsysModule {
    private static final Pattern JOB_OR_TOP = Pattern.compile("(?<![\\w=])([+-])(job|top)=([^:\\s]+):\"([^\"]*)\"");
    private static final Pattern WAKE = Pattern.compile("\\+running \\+wake_lock=([^:\\s]+):\"?\\*walarm\\*:([^\"\\s]+)");

    @Override public String name() { return "DumpsysBatteryHistory"; }
    @Override public TraceClass trace() { return TraceClass.EXECUTION; }
    @Override public String description() { return "Jobs, foreground apps and wake-up alarms in the battery history (dumpsys batterystats)"; }
    @Override String section() { return "batterystats"; }

    @Override
    SectionParser parser(Emitter out) {
        return new SectionParser() {
            boolean started;

            @Override
            public boolean line(long number, String text) {
                String t = text.strip();
                if (!started) {
                    started = t.startsWith("Battery History");
                    return true;
                }
                if (t.isEmpty()) return false;
                String[] tokens = t.split("\\s+");
                String elapsed = tokens.length > 1 && tokens[0].matches("\\d{2}-\\d{2}") && tokens[1].contains(":")
                        ? tokens[0] + " " + tokens[1] : tokens[0];
                Matcher m = JOB_OR_TOP.matcher(t);
                while (m.find()) {
                    String event = (m.group(1).equals("+") ? "start_" : "end_") + m.group(2);
                    String target = m.group(4);
                    int slash = target.indexOf('/');
                    String pkg = slash < 0 ? target : target.substring(0, slash);
                    String service = slash < 0 ? "" : target.substring(slash + 1);
                    emit(out, number, elapsed, event, m.group(3), pkg, service);
                }
                Matcher w = WAKE.matcher(t);
                if (w.find() && w.group(2).contains("/")) {
                    String target = w.group(2);
                    int slash = target.indexOf('/');
                    emit(out, number, elapsed, "wake", w.group(1), target.substring(0, slash), target.substring(slash + 1));
                }
                return true;
            }
        };
    }

    private static void emit(Emitter out, long line, String elapsed, String event, String uid, String pkg, String service) {
        out.emit(Fields.builder().put("time_elapsed", elapsed).put("event", event).put("uid", uid)
                .put("package_name", pkg).put("service", service).build(), line);
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).add(ObservableType.APP_ID, "package_name", r.string("package_name")).list();
    }
}
