package org.cotejo.correlation.enrich;

import java.util.Objects;

/**
 * Where an infrastructure fact was read: its enrichment file and the line (or JSON Lines record) in it.
 *
 * @param source the registered file
 * @param line   1-based line number
 */
public record Fact(EnrichmentSource source, long line) {
    public Fact {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return source.file() + " line " + line;
    }
}
