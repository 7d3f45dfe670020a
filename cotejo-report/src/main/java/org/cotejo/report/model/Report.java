package org.cotejo.report.model;

import java.util.List;
import java.util.Objects;
import org.cotejo.correlation.CorrelationResult;

/**
 * One expert report.
 *
 * @param meta       what produced it and when
 * @param mandate    who asked what, under which instrument
 * @param sides      one per group compared (a country's case, a received package, a folder of check outputs)
 * @param devices    every device, inventory and findings, ordered by group then pseudonym
 * @param feeds      the indicator feeds used, by SHA-256
 * @param tools      the software used, with versions
 * @param method     the parameters and validation behind the comparison
 * @param comparison what correlation concluded (clusters, links, pivots, same-tool statements, exclusions)
 * @param reproduce  the command line that reproduces this report from the same inputs
 */
public record Report(ReportMeta meta, Mandate mandate, List<Side> sides, List<DeviceEntry> devices, List<FeedEntry> feeds,
                     List<ToolEntry> tools, Method method, CorrelationResult comparison, String reproduce) {
    /** The name of report.json's schema; {@link ReportMeta#schemaVersion()} is its version. */
    public static final String SCHEMA = "cotejo-report";
    public static final int SCHEMA_VERSION = 1;

    public Report {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(mandate, "mandate");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(comparison, "comparison");
        sides = List.copyOf(sides);
        devices = List.copyOf(devices);
        feeds = List.copyOf(feeds);
        tools = List.copyOf(tools);
        reproduce = reproduce == null ? "" : reproduce;
    }

    /** The device entry whose correlation id is {@code id}, if any. */
    public java.util.Optional<DeviceEntry> device(String id) {
        return devices.stream().filter(d -> d.ref().id().equals(id)).findFirst();
    }
}
