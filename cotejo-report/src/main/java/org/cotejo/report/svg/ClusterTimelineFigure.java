package org.cotejo.report.svg;

import java.time.Instant;
import java.util.List;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.report.text.Texts;

/**
 * One bar per cluster from the first to the last sighting of the items it rests on. Clusters that span
 * groups are drawn hatched with a dashed outline and say so in their label, so the distinction survives
 * grey-scale print.
 */
public final class ClusterTimelineFigure {
    private static final double LEFT = 190, RIGHT = 20, TOP = 30, ROW = 22, WIDTH = 680;

    private ClusterTimelineFigure() {}

    /** The figure, or "" when no cluster has dated items. */
    public static String render(String id, List<Cluster> clusters, Texts t) {
        List<Cluster> dated = clusters.stream().filter(c -> c.firstSeen() != null && c.lastSeen() != null).toList();
        if (dated.isEmpty()) return "";
        Instant min = dated.stream().map(Cluster::firstSeen).min(Instant::compareTo).orElseThrow();
        Instant max = dated.stream().map(Cluster::lastSeen).max(Instant::compareTo).orElseThrow();
        double bottom = TOP + dated.size() * ROW;
        Svg svg = new Svg(id, WIDTH, bottom + 50, t.get("figure.clusterTimeline.title"),
                t.get("figure.clusterTimeline.desc", dated.size(), t.time(min), t.time(max)));
        svg.text(10, 14, t.get("figure.clusterTimeline.title"), "font-weight", "bold", "font-size", 11);
        TimeAxis axis = new TimeAxis(min, max, LEFT, WIDTH - RIGHT);
        axis.draw(svg, bottom + 4, TOP, bottom, t.get("figure.timeUtc"));
        for (int i = 0; i < dated.size(); i++) {
            Cluster c = dated.get(i);
            double y = TOP + i * ROW + 4;
            double x0 = axis.x(c.firstSeen());
            double w = Math.max(3, axis.x(c.lastSeen()) - x0);
            String colour = Svg.COLOURS[i % Svg.COLOURS.length];
            String label = c.id() + " (" + String.join("+", c.groups()) + ")" + (c.crossGroup() ? " ×" : "");
            svg.text(LEFT - 6, y + 11, label, "text-anchor", "end", "font-weight", c.crossGroup() ? "bold" : null);
            String tip = c.id() + ": " + t.time(c.firstSeen()) + " – " + t.time(c.lastSeen()) + "; "
                    + t.get("figure.clusterTimeline.devices", c.devices().size())
                    + (c.crossGroup() ? "; " + t.get("comparison.crossGroup") : "");
            svg.withTitle("rect", tip, "x", x0, "y", y, "width", w, "height", ROW - 8, "fill", colour, "fill-opacity", c.crossGroup() ? 0.45 : 0.85,
                    "stroke", "#000000", "stroke-width", c.crossGroup() ? 1.5 : 0.8, "stroke-dasharray", c.crossGroup() ? "4 2" : null);
            if (c.crossGroup()) {
                // Diagonal strokes clipped to the bar by drawing them only within it: a hatch that needs no <pattern> support.
                for (double hx = x0 + 4; hx < x0 + w; hx += 6) {
                    svg.line(hx, y + ROW - 8, Math.min(hx + 6, x0 + w), y, "#000000", 0.6, "none");
                }
            }
        }
        svg.text(LEFT, bottom + 44, t.get("figure.clusterTimeline.legend"), "font-size", 9);
        return svg.finish();
    }
}
