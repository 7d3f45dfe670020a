package org.cotejo.correlation.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.pivot.Pivot;

/**
 * {@code pivots.json} (format "cotejo-pivots", version 1): candidate indicators with their evidence, and
 * the confirmed and rejected ones with the analyst's decision.
 */
public final class PivotsJson {
    public static final String FORMAT = "cotejo-pivots";

    private PivotsJson() {}

    public static void write(Path file, CorrelationResult r) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, r);
        }
    }

    /** The same bytes to a stream, which is left open (report.json embeds this file whole). */
    public static void write(OutputStream out, CorrelationResult r) throws IOException {
        CorrelationJson.write(out, FORMAT, r, g -> {
            g.writeArrayFieldStart("pivots");
            for (Pivot p : r.pivots()) {
                g.writeStartObject();
                g.writeStringField("type", p.type().key());
                g.writeStringField("value", p.value());
                g.writeStringField("status", p.status().key());
                if (p.decision().isPresent()) {
                    g.writeFieldName("decision");
                    CorrelationJson.writeDecision(g, p.decision().get());
                } else {
                    g.writeNullField("decision");
                }
                g.writeNumberField("targeted_devices", p.devices().size());
                g.writeNumberField("background_devices", p.backgroundDevices());
                g.writeNumberField("exposed_devices", p.exposedDevices());
                g.writeArrayFieldStart("devices");
                for (DeviceRef d : p.devices()) CorrelationJson.device(g, d);
                g.writeEndArray();
                CorrelationJson.strings(g, "groups", p.groups());
                CorrelationJson.strings(g, "clusters", p.clusters());
                CorrelationJson.time(g, "first_seen", p.firstSeen());
                CorrelationJson.time(g, "last_seen", p.lastSeen());
                g.writeStringField("example", p.example());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
