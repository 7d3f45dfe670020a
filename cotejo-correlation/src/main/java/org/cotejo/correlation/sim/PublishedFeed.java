package org.cotejo.correlation.sim;

import java.util.List;
import org.cotejo.core.indicator.Indicator;

/**
 * What the world publishes as a public indicator list: part of the vendors' tool traces and part of the
 * operators' infrastructure, deliberately incomplete, as a STIX 2.1 bundle.
 *
 * @param fileName   the name it is written and cited under
 * @param stix       the bundle's bytes
 * @param sha256     SHA-256 of those bytes, as every match names it
 * @param indicators the indicators as Cotejo's feed reader reads them back from the bytes
 */
public record PublishedFeed(String fileName, byte[] stix, String sha256, List<Indicator> indicators) {
    public PublishedFeed {
        indicators = List.copyOf(indicators);
    }
}
