package org.cotejo.cli.investigate;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.detection.Verdict;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.Report;

/** The closing lines of an investigation: devices per group, verdicts, clusters (cross-country ones called out), where the report is. */
public final class InvestigationSummary {
    private InvestigationSummary() {}

    public static void print(PrintWriter out, Report r, Path folder) {
        Map<String, Integer> groups = new TreeMap<>();
        Map<Verdict, Integer> verdicts = new TreeMap<>();
        for (DeviceEntry d : r.devices()) {
            groups.merge(d.ref().group(), 1, Integer::sum);
            verdicts.merge(d.verdict(), 1, Integer::sum);
        }
        StringBuilder g = new StringBuilder();
        groups.forEach((k, v) -> g.append(g.length() == 0 ? "" : ", ").append(k.isEmpty() ? "(no group)" : k).append(' ').append(v));
        StringBuilder v = new StringBuilder();
        verdicts.forEach((k, n) -> v.append(v.length() == 0 ? "" : ", ").append(n).append(' ').append(k.label()));
        long cross = r.comparison().clusters().stream().filter(Cluster::crossGroup).count();
        out.printf(Locale.ROOT, "Devices: %d (%s)%n", r.devices().size(), g);
        out.println("Verdicts: " + v);
        out.printf(Locale.ROOT, "Clusters: %d single-source hypotheses, %d across groups%n", r.comparison().clusters().size(), cross);
        for (Cluster c : r.comparison().clusters()) {
            out.printf(Locale.ROOT, "  %s %s: %d devices (%s), %s%n", c.id(), c.crossGroup() ? "ACROSS " + String.join("+", c.groups()) : "in " + String.join("+", c.groups()),
                    c.devices().size(), String.join(", ", c.devices().stream().map(d -> d.label()).toList()), c.support().words());
        }
        long pivots = r.comparison().pivots().stream().filter(p -> p.status().name().equals("CANDIDATE")).count();
        if (pivots > 0) out.println("Pivots awaiting confirmation: " + pivots + " (see pivots.json)");
        Path html = folder.resolve("report.html");
        out.println("Report: " + (Files.isRegularFile(html) ? html : folder.resolve("report.json").toFile().exists() ? folder.resolve("report.json") : folder));
        out.flush();
    }

    /** Like `cotejo check` exiting 3 on HIGH findings: a device infected, attempted or inconclusive. */
    public static boolean serious(Report r) {
        return r.devices().stream().anyMatch(d -> d.verdict() == Verdict.INFECTED || d.verdict() == Verdict.ATTEMPTED
                || d.verdict() == Verdict.INCONCLUSIVE);
    }
}
