package org.cotejo.correlation.sim;

import java.util.List;
import org.cotejo.correlation.enrich.EnrichmentIndex;
import org.cotejo.correlation.enrich.EnrichmentSource;
import org.cotejo.correlation.model.DeviceEvidence;

/**
 * A simulated world: what an examiner would have (the phones' evidence as the detection stage produces
 * it, the published feed, the enrichment files) and what really happened ({@link Truth}).
 *
 * @param spec            what it was generated from
 * @param devices         one per EXTRACTION, sorted by group then label; extractions of one phone share
 *                        the device id, {@link Truth#deviceOfExtraction()} says which belong together
 * @param feed            the published feed the matches refer to
 * @param enrichment      the enrichment facts, as reading {@code enrichmentFiles} gives them
 * @param enrichmentFiles the enrichment files' bytes (CSV, documented in docs/simulator.md)
 * @param truth           the ground truth
 */
public record World(WorldSpec spec, List<DeviceEvidence> devices, PublishedFeed feed, EnrichmentIndex enrichment,
                    List<EnrichmentFile> enrichmentFiles, Truth truth) {
    public World {
        devices = List.copyOf(devices);
        enrichmentFiles = List.copyOf(enrichmentFiles);
    }

    /** One enrichment file as written: its kind, name and bytes. */
    public record EnrichmentFile(EnrichmentSource.Kind kind, String fileName, byte[] bytes) {}
}
