package org.cotejo.report.model;

import java.time.Instant;

/**
 * One dated point on a device's timeline chart.
 *
 * @param time  when (UTC)
 * @param level the finding's level
 * @param trace the trace class, which the chart uses as its row
 * @param label a short label ("domain example.com", "process bh")
 */
public record TimelinePoint(Instant time, String level, String trace, String label) {}
