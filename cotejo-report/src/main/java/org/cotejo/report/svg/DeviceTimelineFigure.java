package org.cotejo.report.svg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.report.model.TimelinePoint;
import org.cotejo.report.text.Texts;

/**
 * One device's dated findings on a time axis, one row per trace class (implant traces at the top,
 * browsing and context at the bottom). A point's shape and colour say its level; its label is its
 * tooltip, and the report's table beside the figure lists every point in words.
 */
public final class DeviceTimelineFigure {
    /** Rows in the order the detection stage ranks trace classes; unknown classes follow. */
    private static final List<String> ROWS = List.of("process", "file", "configuration", "network", "delivery", "browsing", "context");
    private static final List<String> LEVELS = List.of("critical", "high", "medium", "low", "info");
    private static final double LEFT = 110, RIGHT = 20, TOP = 34, ROW = 24, WIDTH = 680;

    private DeviceTimelineFigure() {}

    /** The figure, or "" when no point is dated. */
    public static String render(String id, String pseudonym, List<TimelinePoint> points, Texts t) {
        List<TimelinePoint> dated = points.stream().filter(p -> p.time() != null).toList();
        if (dated.isEmpty()) return "";
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String r : ROWS) if (dated.stream().anyMatch(p -> Texts.traceKey(p.trace()).equals(r))) rows.put(r, rows.size());
        for (TimelinePoint p : dated) rows.putIfAbsent(Texts.traceKey(p.trace()), rows.size());
        Instant min = dated.stream().map(TimelinePoint::time).min(Instant::compareTo).orElseThrow();
        Instant max = dated.stream().map(TimelinePoint::time).max(Instant::compareTo).orElseThrow();
        double plotBottom = TOP + rows.size() * ROW;
        double height = plotBottom + 60;
        Svg svg = new Svg(id, WIDTH, height, t.get("figure.deviceTimeline.title", pseudonym),
                t.get("figure.deviceTimeline.desc", pseudonym, dated.size(), rows.size(), t.time(min), t.time(max)));
        svg.text(LEFT, 14, t.get("figure.deviceTimeline.title", pseudonym), "font-weight", "bold", "font-size", 11);
        TimeAxis axis = new TimeAxis(min, max, LEFT, WIDTH - RIGHT);
        for (var e : rows.entrySet()) {
            double y = TOP + e.getValue() * ROW + ROW / 2;
            svg.line(LEFT, y, WIDTH - RIGHT, y, "#DDDDDD", 0.5, "none");
            svg.text(LEFT - 6, y + 3, t.word("trace", e.getKey()), "text-anchor", "end");
        }
        axis.draw(svg, plotBottom + 4, TOP, plotBottom, t.get("figure.timeUtc"));
        // Points that would land on the same pixel of a row with the same level are drawn once, their tooltip
        // saying how many: a device with thousands of dated findings still gives a small figure.
        Map<String, List<TimelinePoint>> marks = new LinkedHashMap<>();
        for (TimelinePoint p : dated) {
            String key = Texts.traceKey(p.trace()) + "|" + Math.round(axis.x(p.time())) + "|" + p.level();
            marks.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        for (List<TimelinePoint> same : marks.values()) {
            TimelinePoint p = same.get(0);
            int level = Math.max(0, LEVELS.indexOf(p.level()));
            double y = TOP + rows.get(Texts.traceKey(p.trace())) * ROW + ROW / 2;
            String tip = t.time(p.time()) + " — " + p.label() + " (" + t.word("level", p.level()) + ")"
                    + (same.size() > 1 ? " " + t.get("figure.deviceTimeline.more", same.size() - 1) : "");
            svg.marker(level, axis.x(p.time()), y, 4, Svg.COLOURS[level], "#000000", tip);
        }
        legend(svg, t, plotBottom + 44, dated);
        return svg.finish();
    }

    private static void legend(Svg svg, Texts t, double y, List<TimelinePoint> points) {
        List<String> present = new ArrayList<>();
        for (String l : LEVELS) if (points.stream().anyMatch(p -> p.level().equals(l))) present.add(l);
        double x = LEFT;
        for (String l : present) {
            int i = LEVELS.indexOf(l);
            svg.marker(i, x, y - 3, 4, Svg.COLOURS[i], "#000000", null);
            String label = t.word("level", l);
            svg.text(x + 8, y, label);
            x += 20 + label.length() * 6.5;
        }
    }
}
