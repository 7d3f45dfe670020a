package org.cotejo.report.svg;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal time axis in UTC: maps instants to x, and picks at most about six ticks at round steps
 * (hours, days, weeks, months, years) so the labels never overlap.
 */
final class TimeAxis {
    private static final Duration[] STEPS = {Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7),
            Duration.ofDays(30), Duration.ofDays(91), Duration.ofDays(365), Duration.ofDays(365 * 5)};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    final Instant from;
    final Instant to;
    final double x0;
    final double x1;

    /** An axis over [min, max] (widened by a little on each side, and to a day when they coincide). */
    TimeAxis(Instant min, Instant max, double x0, double x1) {
        Duration span = Duration.between(min, max);
        Duration pad = span.isZero() ? Duration.ofHours(12) : span.dividedBy(20);
        this.from = min.minus(pad);
        this.to = max.plus(pad);
        this.x0 = x0;
        this.x1 = x1;
    }

    double x(Instant t) {
        double span = to.toEpochMilli() - from.toEpochMilli();
        return x0 + (x1 - x0) * (t.toEpochMilli() - from.toEpochMilli()) / span;
    }

    record Tick(Instant time, String label) {}

    List<Tick> ticks() {
        Duration span = Duration.between(from, to);
        Duration step = STEPS[STEPS.length - 1];
        for (Duration s : STEPS) {
            if (span.dividedBy(s) <= 5) {
                step = s;
                break;
            }
        }
        boolean hours = step.compareTo(Duration.ofDays(1)) < 0;
        long stepMs = step.toMillis();
        // Round steps start on a round instant: a multiple of the step since the epoch (midnight UTC for days).
        long first = Math.floorDiv(from.toEpochMilli(), stepMs) * stepMs + stepMs;
        List<Tick> out = new ArrayList<>();
        for (long t = first; t <= to.toEpochMilli(); t += stepMs) {
            Instant i = Instant.ofEpochMilli(t);
            out.add(new Tick(i, (hours ? HOUR : DAY).format(i)));
        }
        return out;
    }

    /** Draws the axis line, tick marks, labels and light grid lines down to {@code gridBottom}. */
    void draw(Svg svg, double y, double gridTop, double gridBottom, String caption) {
        svg.line(x0, y, x1, y, "#000000", 1, "none");
        for (Tick t : ticks()) {
            double x = x(t.time());
            svg.line(x, gridTop, x, gridBottom, "#BBBBBB", 0.5, "2 2");
            svg.line(x, y, x, y + 4, "#000000", 1, "none");
            svg.text(x, y + 15, t.label(), "text-anchor", "middle", "font-size", 9);
        }
        svg.text(x1, y + 28, caption, "text-anchor", "end", "font-size", 9);
    }
}
