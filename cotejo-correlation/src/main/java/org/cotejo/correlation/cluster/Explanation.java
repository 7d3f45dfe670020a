package org.cotejo.correlation.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cotejo.correlation.lr.FeatureKind;
import org.cotejo.correlation.model.DeviceRef;

/**
 * The sentences a cluster is reported with: who is in it by group, how strongly the observations support
 * one source, and what it rests on, counted. Worded as support for a proposition (ENFSI), never as the
 * probability that the devices share a source.
 */
public final class Explanation {
    private Explanation() {}

    /** "ES: A, B; FR: C, D — one source: very strong support (…), on: 3 shared domains or URLs, 1 shared attacker account." */
    public static String of(Cluster c) {
        StringBuilder b = new StringBuilder();
        b.append(byGroup(c.devices()));
        b.append(" — same source: ").append(c.support().words()).append(" (weakest link LR ").append(ratio(c.log10Lr())).append(")");
        b.append(" for \"the same operator targeted these devices\" rather than \"different operators of the same tool\"");
        b.append(", on: ").append(counts(c.counts()));
        if (c.firstSeen() != null || c.lastSeen() != null) {
            b.append("; seen ").append(c.firstSeen() == null ? "?" : c.firstSeen()).append(" to ").append(c.lastSeen() == null ? "?" : c.lastSeen());
        }
        b.append('.');
        if (c.crossGroup()) b.append(" SPANS ").append(c.groups().size()).append(" groups (").append(String.join(", ", named(c.groups()))).append(").");
        if (!c.sameTool().isEmpty()) {
            b.append(" Same tool (says nothing about the operator): ").append(c.sameTool().size()).append(" tool-level value")
                    .append(c.sameTool().size() == 1 ? "" : "s").append('.');
        }
        if (!c.exposed().isEmpty()) {
            b.append(" Exposed, not clustered: ");
            List<String> e = new ArrayList<>();
            for (Exposure x : c.exposed()) e.add(x.device().label() + " (" + x.values().size() + " value" + (x.values().size() == 1 ? "" : "s") + ")");
            b.append(String.join(", ", e)).append('.');
        }
        return b.toString();
    }

    static String byGroup(List<DeviceRef> devices) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (DeviceRef d : devices) groups.computeIfAbsent(d.group(), k -> new ArrayList<>()).add(d.label());
        List<String> parts = new ArrayList<>();
        groups.forEach((g, labels) -> parts.add((g.isEmpty() ? "(no group)" : g) + ": " + (labels.size() > 12
                ? String.join(", ", labels.subList(0, 12)) + " and " + (labels.size() - 12) + " more" : String.join(", ", labels))));
        return String.join("; ", parts);
    }

    static List<String> named(List<String> groups) {
        return groups.stream().map(g -> g.isEmpty() ? "(no group)" : g).toList();
    }

    /** "3 shared domains or URLs, 1 shared attacker account" in kind order. */
    public static String counts(Map<FeatureKind, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, n) -> parts.add(n + " " + (n == 1 ? k.label() : k.plural())));
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    /** A ratio for reading: "350", "2.0 × 10^4". */
    public static String ratio(double log10) {
        if (log10 < 4) return String.format(Locale.ROOT, "%.0f", Math.pow(10, log10));
        int exp = (int) Math.floor(log10);
        return String.format(Locale.ROOT, "%.1f × 10^%d", Math.pow(10, log10 - exp), exp);
    }
}
