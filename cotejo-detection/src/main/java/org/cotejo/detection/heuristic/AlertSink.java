package org.cotejo.detection.heuristic;

/** Where heuristics put their alerts. */
@FunctionalInterface
public interface AlertSink {
    void alert(Alert alert);
}
