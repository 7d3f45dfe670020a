package org.cotejo.forensics.android.dumpsys;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * Package changes in the daily battery statistics ({@code dumpsys batterystats}, {@code Daily from … to
 * …:} blocks, {@code Update <package> vers=<n>} lines): a record of app updates going back weeks, kept
 * after an app is gone. Repeats within one day are dropped. Records come out sorted by (from, to,
 * package); version 0 means the package was uninstalled ({@code action: "uninstall"}, its version
 * forgotten), and a version lower than the last seen one is a downgrade ({@code action: "downgrade"},
 * {@code previous_vers}), which is how an attacker can bring back an app version with a known hole.
 * Record {@code {action, from, to, package_name, vers}} with dates only (MVT keeps the first 10
 * characters). MVT writes "update" for uninstalls too; Cotejo names them.
 */
public final class DumpsysBatteryDaily extends DumpsysModule {
    private static final Pattern DAILY = Pattern.compile("^ {2}Daily from (\\S+) to (\\S+):");
    private static final Pattern UPDATE = Pattern.compile("^Update (\\S+) vers=(\\S+)");

    @Override public String name() { return "DumpsysBatteryDaily"; }
    @Override public TraceClass trace() { return TraceClass.EXECUTION; }
    @Override public String description() { return "App updates, uninstalls and downgrades by day (dumpsys batterystats daily stats)"; }
    @Override String section() { return "batterystats"; }

    private record Change(String from, String to, String pkg, String vers, long line) {}

    @Override
    SectionParser parser(Emitter out) {
        return new SectionParser() {
            final List<Change> changes = new ArrayList<>();
            final Set<String> seenToday = new LinkedHashSet<>();
            String from;
            String to;

            @Override
            public boolean line(long number, String text) {
                Matcher m = DAILY.matcher(text);
                if (m.find()) {
                    from = first10(m.group(1));
                    to = first10(m.group(2));
                    seenToday.clear();
                } else if (from != null && (m = UPDATE.matcher(text.strip())).find() && seenToday.add(m.group(1) + " " + m.group(2))) {
                    changes.add(new Change(from, to, m.group(1), m.group(2), number));
                }
                return true;
            }

            @Override
            public void end() {
                changes.sort(Comparator.comparing(Change::from).thenComparing(Change::to).thenComparing(Change::pkg));
                Map<String, BigInteger> last = new HashMap<>();
                for (Change c : changes) {
                    Fields.Builder b = DeviceTime.zone(Fields.builder(), out.zone());
                    BigInteger vers = number(c.vers());
                    BigInteger previous = last.get(c.pkg());
                    String action = "update";
                    if (c.vers().equals("0")) {
                        action = "uninstall";
                        last.remove(c.pkg());
                    } else if (vers != null) {
                        if (previous != null && vers.compareTo(previous) < 0) action = "downgrade";
                        last.put(c.pkg(), vers);
                    }
                    b.put("action", action).put("from", c.from()).put("to", c.to()).put("package_name", c.pkg()).put("vers", c.vers());
                    if (action.equals("downgrade")) b.put("previous_vers", previous.toString());
                    out.emit(b.build(), c.line());
                }
            }
        };
    }

    private static String first10(String s) { return s.length() > 10 ? s.substring(0, 10) : s; }

    private static BigInteger number(String s) {
        return s.matches("\\d{1,30}") ? new BigInteger(s) : null;
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).add(ObservableType.APP_ID, "package_name", r.string("package_name")).list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        String p = r.text("package_name");
        String what = switch (r.text("action")) {
            case "uninstall" -> "Recorded uninstall of package " + p + " (vers 0)";
            case "downgrade" -> "Recorded downgrade of package " + p + " from vers " + r.text("previous_vers") + " to vers " + r.text("vers");
            default -> "Recorded update of package " + p + " with vers " + r.text("vers");
        };
        return DeviceTime.event(r, r.string("from"), slug(), "battery_daily", what);
    }
}
