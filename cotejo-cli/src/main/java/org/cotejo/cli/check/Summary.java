package org.cotejo.cli.check;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cotejo.detection.Detection;
import org.cotejo.detection.Disposition;
import org.cotejo.detection.Findings;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.output.RunInfo;

/** The closing table of a check: modules run, records, detections and alerts, problems, the verdict. */
final class Summary {
    private Summary() {}

    static void print(PrintWriter out, RunInfo info, Findings f, Path results) {
        out.println("Checked " + info.kind().label() + " " + info.target());
        if (!info.identifiers().isEmpty()) {
            StringBuilder ids = new StringBuilder();
            info.identifiers().forEach((k, v) -> ids.append(ids.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            out.println("Device: " + ids);
        }
        int indicators = info.feeds().stream().mapToInt(x -> x.indicators().size()).sum();
        out.printf(Locale.ROOT, "Feeds: %d (%,d indicators); %d input files hashed%n", info.feeds().size(), indicators, info.inputs().size());
        Map<String, Integer> det = new HashMap<>();
        Map<String, Integer> al = new HashMap<>();
        for (Detection d : f.detections()) det.merge(d.record().module(), 1, Integer::sum);
        for (Alert a : f.alerts()) al.merge(a.module(), 1, Integer::sum);
        out.printf(Locale.ROOT, "  %-30s %10s %11s %7s%n", "module", "records", "detections", "alerts");
        for (RunInfo.ModuleRun m : info.modules()) {
            out.printf(Locale.ROOT, "  %-30s %,10d %11d %7d%n", m.name(), m.records(), det.getOrDefault(m.slug(), 0), al.getOrDefault(m.slug(), 0));
        }
        out.println("Detections: " + counts(f.detections().stream().map(Detection::level).toList()) + notCounted(f.detections()));
        out.println("Alerts: " + counts(f.alerts().stream().map(Alert::level).toList()));
        if (!info.problems().isEmpty()) {
            out.println("Problems: " + info.problems().size() + " (parts that could not be read; listed above and in findings.json)");
        }
        var v = f.verdict();
        out.println("Verdict: " + v.verdict().label().toUpperCase(Locale.ROOT) + " (" + v.rule() + ")");
        for (String r : v.reasons()) out.println("  - " + r);
        if (results != null) out.println("Results: " + results);
        long read = 0, written = 0;
        for (RunInfo.ModuleRun m : info.modules()) {
            read += m.records();
            written += m.written();
        }
        if (results != null && written < read) {
            out.printf(Locale.ROOT, "Record files and timeline: the %,d records that matched an indicator, of %,d read (traffic in bulk; "
                    + "the log is the complete reference and every finding cites its line; --records all writes every record)%n", written, read);
        }
        out.flush();
    }

    private static String counts(List<Level> levels) {
        if (levels.isEmpty()) return "none";
        Map<Level, Integer> c = new EnumMap<>(Level.class);
        for (Level l : levels) c.merge(l, 1, Integer::sum);
        StringBuilder b = new StringBuilder();
        for (Level l : List.of(Level.CRITICAL, Level.HIGH, Level.MEDIUM, Level.LOW, Level.INFO)) {
            if (c.containsKey(l)) b.append(b.length() == 0 ? "" : ", ").append(c.get(l)).append(' ').append(l.name());
        }
        return b.toString();
    }

    private static String notCounted(List<Detection> ds) {
        Map<Disposition, Integer> c = new EnumMap<>(Disposition.class);
        for (Detection d : ds) if (d.disposition() != Disposition.EVIDENCE) c.merge(d.disposition(), 1, Integer::sum);
        if (c.isEmpty()) return "";
        StringBuilder b = new StringBuilder(" (not evidence: ");
        int i = 0;
        for (var e : c.entrySet()) b.append(i++ == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().label());
        return b.append(')').toString();
    }
}
