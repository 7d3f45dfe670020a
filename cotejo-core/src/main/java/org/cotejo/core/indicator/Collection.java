package org.cotejo.core.indicator;

import java.time.Instant;
import java.util.Objects;

/**
 * A set of indicators from one source: a STIX malware/report grouping, a MISP event, a list file.
 *
 * @param id          stable id within the feed (STIX object id, MISP event uuid, or the file name)
 * @param name        display name ("Pegasus", "NSO Group Pegasus Indicators of Compromise")
 * @param description free text, may be empty
 * @param sourceFile  the feed file as given (path or resource name)
 * @param sourceSha256 SHA-256 of the feed file's bytes, so a detection names "indicator X of feed H"
 * @param tlp         marking, or null when the feed carries none
 * @param indicates   the malware / intrusion set / campaign the indicators point to, or null
 * @param retrieved   when the feed file was obtained (download time, or file modification time), or null
 * @param levelHint   the evidence level the feed states for all its indicators ("tool", "operator",
 *                    "weak-infrastructure"), or "" when it states none; an indicator's own hint wins
 */
public record Collection(String id, String name, String description, String sourceFile, String sourceSha256,
                         Tlp tlp, IndicatedThreat indicates, Instant retrieved, String levelHint) {
    public Collection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        levelHint = levelHint == null ? "" : levelHint;
    }

    /** A collection for which the feed states no evidence level. */
    public Collection(String id, String name, String description, String sourceFile, String sourceSha256,
                      Tlp tlp, IndicatedThreat indicates, Instant retrieved) {
        this(id, name, description, sourceFile, sourceSha256, tlp, indicates, retrieved, "");
    }

    public Collection withIndicates(IndicatedThreat threat) {
        return new Collection(id, name, description, sourceFile, sourceSha256, tlp, threat, retrieved, levelHint);
    }

    public Collection withTlp(Tlp marking) {
        return new Collection(id, name, description, sourceFile, sourceSha256, marking, indicates, retrieved, levelHint);
    }

    public Collection withLevelHint(String hint) {
        return new Collection(id, name, description, sourceFile, sourceSha256, tlp, indicates, retrieved, hint);
    }
}
