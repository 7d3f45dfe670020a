package org.cotejo.correlation.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.cluster.Link;
import org.cotejo.correlation.lr.CountedItem;

/**
 * {@code links.json} (format "cotejo-links", version 1): every weighed pair of targeted devices, links
 * first, each with every item the two share, whether it was counted, and why not.
 */
public final class LinksJson {
    public static final String FORMAT = "cotejo-links";

    private LinksJson() {}

    public static void write(Path file, CorrelationResult r) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, r);
        }
    }

    /** The same bytes to a stream, which is left open (report.json embeds this file whole). */
    public static void write(OutputStream out, CorrelationResult r) throws IOException {
        CorrelationJson.write(out, FORMAT, r, g -> {
            g.writeObjectFieldStart("counts");
            g.writeNumberField("pairs", r.links().size());
            g.writeNumberField("links", r.linkCount());
            g.writeEndObject();
            g.writeArrayFieldStart("links");
            for (Link l : r.links()) {
                g.writeStartObject();
                g.writeArrayFieldStart("devices");
                CorrelationJson.device(g, l.a());
                CorrelationJson.device(g, l.b());
                g.writeEndArray();
                g.writeBooleanField("link", l.link());
                CorrelationJson.ratio(g, l.score().log10Lr());
                g.writeBooleanField("capped", l.score().capped());
                g.writeArrayFieldStart("items");
                for (CountedItem c : l.score().items()) {
                    g.writeStartObject();
                    CorrelationJson.item(g, c.item());
                    g.writeBooleanField("counted", c.counted());
                    g.writeStringField("not_counted_because", c.reason());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
