package org.cotejo.correlation.output;

import java.util.Locale;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.DeviceSummary;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.cluster.SameTool;
import org.cotejo.correlation.pivot.Pivot;
import org.cotejo.correlation.specificity.DeviceRole;

/** The readable summary the command line prints after correlating. */
public final class Summary {
    private Summary() {}

    public static String text(CorrelationResult r) {
        StringBuilder b = new StringBuilder();
        long targeted = r.devices().stream().map(DeviceSummary::role).filter(DeviceRole.TARGETED::equals).count();
        long exposed = r.devices().stream().map(DeviceSummary::role).filter(DeviceRole.EXPOSED::equals).count();
        b.append(String.format(Locale.ROOT, "%d devices (%d targeted, %d exposure only, %d background); %d pairs weighed, %d links%n",
                r.devices().size(), targeted, exposed, r.devices().size() - targeted - exposed, r.links().size(), r.linkCount()));
        b.append("Hp: the same operator targeted the devices; Hd: different operators of the same tool.\n");
        b.append("Calibration: ").append(r.calibration().name()).append(" (").append(r.calibration().provenance()).append(")\n");
        b.append('\n').append(r.clusters().size()).append(" cluster").append(r.clusters().size() == 1 ? "" : "s")
                .append(" (hypotheses of a single source)").append(r.clusters().isEmpty() ? "" : ":").append('\n');
        for (Cluster c : r.clusters()) {
            b.append("  ").append(c.id()).append(c.crossGroup() ? "  [CROSS-GROUP]" : "").append("  ").append(c.devices().size())
                    .append(" devices\n    ").append(c.statement()).append('\n');
        }
        if (!r.sameTool().isEmpty()) {
            b.append("\nSame tool only (no link):\n");
            for (SameTool t : r.sameTool()) b.append("  ").append(t.statement()).append('\n');
        }
        long candidates = r.pivots().stream().filter(p -> p.status() == Pivot.Status.CANDIDATE).count();
        b.append('\n').append(candidates).append(" pivot candidate").append(candidates == 1 ? "" : "s")
                .append(" awaiting an analyst's decision (pivots.json)").append('\n');
        b.append(r.excluded().size()).append(" value").append(r.excluded().size() == 1 ? "" : "s")
                .append(" excluded from linking (warning lists, fan-out cap, false positives, rejected pivots; clusters.json)\n");
        return b.toString();
    }
}
