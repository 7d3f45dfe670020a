package org.cotejo.report.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cotejo.correlation.DeviceSummary;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.cluster.Explanation;
import org.cotejo.correlation.cluster.SameTool;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.specificity.DeviceRole;
import org.cotejo.report.model.Report;

/**
 * The report's conclusions in calibrated words (ENFSI): each states the support the findings give to one
 * proposition rather than the other, never that something is proved or how probable it is. The HTML,
 * the PDF and report.json state the same sentences, made here once.
 */
public final class Conclusions {
    private Conclusions() {}

    public static List<String> of(Report r, Texts t) {
        List<String> out = new ArrayList<>();
        var c = r.comparison();
        List<String> groups = c.devices().stream().map(d -> d.device().group()).distinct().sorted().toList();
        boolean cross = c.clusters().stream().anyMatch(Cluster::crossGroup);
        for (Cluster k : c.clusters()) {
            out.add(t.get("conclusion.cluster", k.id(), t.support(k.support()), devices(k.devices()), Explanation.ratio(k.log10Lr()),
                    k.devices().size()));
            if (k.crossGroup()) out.add(t.get("conclusion.crossGroup", k.id(), String.join(", ", k.groups())));
        }
        if (c.clusters().isEmpty()) out.add(t.get("conclusion.noCluster"));
        if (groups.size() > 1 && !cross) out.add(t.get("conclusion.noCrossGroup", String.join(", ", groups)));
        for (SameTool s : c.sameTool()) {
            out.add(t.get("conclusion.sameTool", s.threat(), devices(s.devices()), s.values().size()));
        }
        List<DeviceRef> exposed = c.devices().stream().filter(d -> d.role() == DeviceRole.EXPOSED).map(DeviceSummary::device).toList();
        if (!exposed.isEmpty()) out.add(t.get("conclusion.exposed", devices(exposed), exposed.size()));
        long candidates = c.pivots().stream().filter(p -> p.status() == org.cotejo.correlation.pivot.Pivot.Status.CANDIDATE).count();
        if (candidates > 0) out.add(t.get("conclusion.pivots", candidates));
        out.add(t.get("conclusion.caveat"));
        return out;
    }

    /** "ES: A, B; FR: C" with at most twelve names per group (the tables list them all). */
    public static String devices(List<DeviceRef> devices) {
        Map<String, List<String>> byGroup = new TreeMap<>();
        for (DeviceRef d : devices) byGroup.computeIfAbsent(d.group(), k -> new ArrayList<>()).add(d.label());
        List<String> parts = new ArrayList<>();
        byGroup.forEach((g, labels) -> {
            String names = labels.size() > 12 ? String.join(", ", labels.subList(0, 12)) + " (+" + (labels.size() - 12) + ")"
                    : String.join(", ", labels);
            parts.add(g.isEmpty() ? names : g + ": " + names);
        });
        return String.join("; ", parts);
    }
}
