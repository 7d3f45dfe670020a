package org.cotejo.correlation;

import java.util.List;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.cluster.Link;
import org.cotejo.correlation.cluster.SameTool;
import org.cotejo.correlation.enrich.EnrichmentSource;
import org.cotejo.correlation.lr.Calibration;
import org.cotejo.correlation.pivot.Pivot;
import org.cotejo.correlation.specificity.ExcludedValue;

/**
 * What correlation concluded, with what it was computed from: the options and calibration, the devices
 * and the enrichment files. Everything is in a stable order that does not depend on the order of the
 * inputs or on device names (apart from where names themselves are sorted for display).
 *
 * @param options    the options used (their calibration is {@link #calibration()})
 * @param devices    every device, sorted
 * @param enrichment the enrichment files, in the order given
 * @param links      every weighed pair of targeted devices: links first, then by strength
 * @param clusters   hypotheses of a single source, largest first
 * @param pivots     candidate, confirmed and rejected pivots
 * @param sameTool   "same tool" statements from tool-level values
 * @param excluded   values and infrastructure keys that could have linked devices but were excluded
 */
public record CorrelationResult(CorrelationOptions options, List<DeviceSummary> devices, List<EnrichmentSource> enrichment,
                                List<Link> links, List<Cluster> clusters, List<Pivot> pivots, List<SameTool> sameTool,
                                List<ExcludedValue> excluded) {
    public CorrelationResult {
        devices = List.copyOf(devices);
        enrichment = List.copyOf(enrichment);
        links = List.copyOf(links);
        clusters = List.copyOf(clusters);
        pivots = List.copyOf(pivots);
        sameTool = List.copyOf(sameTool);
        excluded = List.copyOf(excluded);
    }

    public Calibration calibration() {
        return options.calibration();
    }

    /** The readable summary for the command line. */
    public String summary() {
        return org.cotejo.correlation.output.Summary.text(this);
    }

    /** Pairs whose ratio reached the link threshold. */
    public long linkCount() {
        return links.stream().filter(Link::link).count();
    }
}
