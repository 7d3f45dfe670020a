package org.cotejo.report.svg;

import java.util.ArrayList;
import java.util.List;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.report.svg.InfrastructureGraph.DeviceNode;
import org.cotejo.report.svg.InfrastructureGraph.ItemNode;
import org.cotejo.report.text.Texts;

/**
 * The device–infrastructure graph as two columns: devices on the left (shape by group), the items their
 * links rest on on the right (solid for operator level, dashed for weak infrastructure), and a line for
 * each device resting on an item, coloured and dashed by cluster; exposed devices are hollow and joined
 * by dotted lines. Columns make the layout deterministic and keep every label readable.
 */
public final class InfrastructureGraphFigure {
    private static final double WIDTH = 680, ROW = 18, TOP = 40, DEVICE_X = 160, ITEM_X = 330;

    private InfrastructureGraphFigure() {}

    public static String render(String id, InfrastructureGraph g, Texts t) {
        List<String> groups = new ArrayList<>();
        for (DeviceNode d : g.devices()) if (!groups.contains(d.ref().group())) groups.add(d.ref().group());
        groups.sort(null);
        int rows = Math.max(g.devices().size(), g.items().size());
        double plotHeight = rows * ROW;
        double legendY = TOP + plotHeight + 20;
        double height = legendY + 18 * (2 + (g.clusters().size() + 2) / 3);
        Svg svg = new Svg(id, WIDTH, height, t.get("figure.graph.title"),
                t.get("figure.graph.desc", g.devices().size(), g.items().size(), g.itemsTotal(), g.clusters().size()));
        svg.text(10, 14, t.get("figure.graph.title"), "font-weight", "bold", "font-size", 11);
        svg.text(DEVICE_X, 30, t.get("figure.graph.devices"), "text-anchor", "end", "font-weight", "bold");
        svg.text(ITEM_X, 30, t.get("figure.graph.items"), "font-weight", "bold");
        double dy = TOP + (plotHeight - g.devices().size() * ROW) / 2 + ROW / 2;
        double iy = TOP + (plotHeight - g.items().size() * ROW) / 2 + ROW / 2;

        for (int[] e : g.edges()) {
            boolean exposed = e[2] < 0;
            String colour = exposed ? "#777777" : Svg.COLOURS[e[2] % Svg.COLOURS.length];
            String dash = exposed ? "1 3" : Svg.DASHES[e[2] % Svg.DASHES.length];
            svg.line(DEVICE_X + 6, dy + e[0] * ROW, ITEM_X - 6, iy + e[1] * ROW, colour, exposed ? 1 : 1.2, dash);
        }
        for (int i = 0; i < g.devices().size(); i++) {
            DeviceNode d = g.devices().get(i);
            double y = dy + i * ROW;
            String tip = d.ref().label() + " (" + d.ref().group() + ")" + (d.exposed() ? " — " + t.get("role.exposure-only")
                    : " — " + g.clusters().get(d.cluster()).id());
            svg.marker(groups.indexOf(d.ref().group()), DEVICE_X, y, 5, d.exposed() ? "#FFFFFF" : "#444444", "#000000", tip);
            svg.text(DEVICE_X - 10, y + 3, d.ref().label() + " · " + d.ref().group(), "text-anchor", "end",
                    "font-style", d.exposed() ? "italic" : null);
        }
        for (int i = 0; i < g.items().size(); i++) {
            ItemNode it = g.items().get(i);
            double y = iy + i * ROW;
            boolean weak = it.level() == EvidenceLevel.WEAK_INFRASTRUCTURE;
            svg.withTitle("rect", it.label() + " — " + t.word("kind", it.kind()) + "; " + t.get("figure.graph.itemDevices", it.devices()),
                    "x", ITEM_X - 5, "y", y - 5, "width", 10, "height", 10, "fill", weak ? "#FFFFFF" : Svg.COLOURS[it.cluster() % Svg.COLOURS.length],
                    "stroke", "#000000", "stroke-dasharray", weak ? "2 1" : null);
            String label = it.label() + " [" + t.word("kind", it.kind()) + "]";
            // About 6 px a character at 9 px: what fits between the column and the right edge; the tooltip has it all.
            int fit = (int) ((WIDTH - ITEM_X - 14) / 5.4);
            svg.text(ITEM_X + 10, y + 3, label.length() > fit ? label.substring(0, fit - 1) + "…" : label, "font-size", 9);
        }
        legend(svg, g, groups, t, legendY);
        return svg.finish();
    }

    private static void legend(Svg svg, InfrastructureGraph g, List<String> groups, Texts t, double y) {
        double x = 10;
        for (int i = 0; i < groups.size(); i++) {
            svg.marker(i, x + 5, y - 3, 5, "#444444", "#000000", null);
            svg.text(x + 14, y, t.get("figure.graph.group", groups.get(i)));
            x += 110;
        }
        svg.marker(0, x + 5, y - 3, 5, "#FFFFFF", "#000000", null);
        svg.text(x + 14, y, t.get("role.exposure-only"), "font-style", "italic");
        x += 130;
        svg.el("rect", "x", x, "y", y - 8, "width", 10, "height", 10, "fill", "#FFFFFF", "stroke", "#000000", "stroke-dasharray", "2 1");
        svg.text(x + 14, y, t.get("level.weak-infrastructure"));
        for (int c = 0; c < g.clusters().size(); c++) {
            double lx = 10 + (c % 3) * 220;
            double ly = y + 18 * (1 + c / 3);
            svg.line(lx, ly - 3, lx + 30, ly - 3, Svg.COLOURS[c % Svg.COLOURS.length], 1.5, Svg.DASHES[c % Svg.DASHES.length]);
            svg.text(lx + 36, ly, g.clusters().get(c).id() + (g.clusters().get(c).crossGroup() ? " ×" : ""));
        }
    }
}
