package org.cotejo.correlation.model;

import java.util.Objects;
import java.util.Optional;
import org.cotejo.detection.Disposition;

/**
 * An indicator that matched a sighting: "indicator X of feed H", with what the detection stage made of it.
 *
 * @param indicatorId  the indicator's id in its feed
 * @param collection   the feed's collection name
 * @param feedSha256   SHA-256 of the feed file
 * @param threat       what the feed says it indicates ("Pegasus"), or ""
 * @param levelHint    the evidence level the feed or indicator states, if it states one
 * @param disposition  evidence, exposure, warning-listed, name collision or developer artefact
 */
public record MatchRef(String indicatorId, String collection, String feedSha256, String threat,
                       Optional<EvidenceLevel> levelHint, Disposition disposition) {
    public MatchRef {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(feedSha256, "feedSha256");
        threat = threat == null ? "" : threat;
        levelHint = levelHint == null ? Optional.empty() : levelHint;
        Objects.requireNonNull(disposition, "disposition");
    }
}
