package org.cotejo.correlation.lr;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.core.CotejoException;
import org.cotejo.detection.output.JsonOutput;

/**
 * A calibration as a file ({@code cotejo-calibration}, version 1): name, provenance, and one row per kind
 * with {@code p_hp}, {@code p_hd}, {@code lr} and its source. Numbers are written as Java prints doubles
 * (shortest text that reads back to the same value), so writing what was read gives the same bytes.
 */
public final class CalibrationJson {
    public static final String FORMAT = "cotejo-calibration";
    public static final int VERSION = 1;

    private CalibrationJson() {}

    public static byte[] toBytes(Calibration c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonOutput.pretty(bytes)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("name", c.name());
            g.writeStringField("provenance", c.provenance());
            g.writeArrayFieldStart("rates");
            for (KindRate r : c.rates()) {
                g.writeStartObject();
                g.writeStringField("kind", r.kind().key());
                g.writeNumberField("p_hp", r.pHp());
                g.writeNumberField("p_hd", r.pHd());
                g.writeNumberField("lr", r.lr());
                g.writeStringField("source", r.source());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /** @param where the file's name, for messages */
    public static Calibration read(InputStream in, String where) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new CotejoException(where + ": not a readable JSON calibration: " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != VERSION) {
            throw new CotejoException(where + ": not a " + FORMAT + " file of version " + VERSION);
        }
        List<KindRate> rows = new ArrayList<>();
        for (JsonNode r : root.path("rates")) {
            String key = r.path("kind").asText();
            FeatureKind kind = java.util.Arrays.stream(FeatureKind.values()).filter(k -> k.key().equals(key)).findFirst()
                    .orElseThrow(() -> new CotejoException(where + ": unknown kind '" + CotejoException.printable(key) + "'"));
            try {
                rows.add(new KindRate(kind, r.path("p_hp").asDouble(), r.path("p_hd").asDouble(), r.path("lr").asDouble(),
                        r.path("source").asText()));
            } catch (IllegalArgumentException e) {
                throw new CotejoException(where + ": " + e.getMessage(), e);
            }
        }
        try {
            return new Calibration(root.path("name").asText(), root.path("provenance").asText(), rows);
        } catch (IllegalArgumentException e) {
            throw new CotejoException(where + ": " + e.getMessage() + "; a calibration needs one row per kind", e);
        }
    }
}
