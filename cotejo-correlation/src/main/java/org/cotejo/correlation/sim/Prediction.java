package org.cotejo.correlation.sim;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.Observable;
import org.cotejo.correlation.model.EvidenceLevel;

/**
 * What a correlator concluded about a world, in the terms the metrics judge. Defined here, not taken
 * from the reasoning's classes, so the metrics stay a pure judge of any correlator.
 *
 * @param clusters  hypotheses of a single source, each a set of device ids (extractions of one phone share
 *                  its id); disjoint; devices in no cluster stand alone
 * @param log10Lr   for the pairs it scored, log10 of the likelihood ratio of "same operator" against
 *                  "different operators of the same tool"; unscored pairs count as no support
 * @param linkedOn  for the pairs it linked, the evidence levels of the shared items behind the link (empty
 *                  map when the correlator does not say)
 * @param pivots    the unknown values it proposed as candidate indicators
 */
public record Prediction(List<Set<String>> clusters, Map<DevicePair, Double> log10Lr,
                         Map<DevicePair, Set<EvidenceLevel>> linkedOn, Set<Observable> pivots) {
    public Prediction {
        clusters = clusters.stream().map(Set::copyOf).toList();
        // Wrapped, not copied: a 100,000-phone world can score millions of pairs.
        log10Lr = java.util.Collections.unmodifiableMap(log10Lr);
        linkedOn = java.util.Collections.unmodifiableMap(linkedOn);
        pivots = Set.copyOf(pivots);
    }

    /** Clusters only: no pair scores, no link levels, no pivots. */
    public static Prediction ofClusters(List<Set<String>> clusters) {
        return new Prediction(clusters, Map.of(), Map.of(), Set.of());
    }
}
